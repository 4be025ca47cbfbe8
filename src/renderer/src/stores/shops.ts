import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ConnectionTestResult, ShopDraft, ShopsState } from '../../../shared/shops'
import { invoke, onEvent } from '../api'

/** Shops as main reports them (never a secret), kept live by the `shops:changed` event. */
export const useShopsStore = defineStore('shops', () => {
  const state = ref<ShopsState | null>(null)
  const error = ref<Error | null>(null)
  const loading = ref(false)
  const testing = ref<Record<string, boolean>>({})
  const lastTest = ref<Record<string, ConnectionTestResult>>({})
  let subscribed = false

  const shops = computed(() => state.value?.shops ?? [])
  const active = computed(() => shops.value.find((s) => s.id === state.value?.activeId) ?? null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      state.value = await invoke('shops:list', {})
      if (!subscribed) {
        subscribed = true
        onEvent('shops:changed', (next) => (state.value = next))
      }
    } catch (err) {
      error.value = err as Error
    } finally {
      loading.value = false
    }
  }

  async function save(draft: ShopDraft) {
    return invoke('shops:save', draft)
  }

  async function remove(id: string): Promise<void> {
    state.value = await invoke('shops:remove', { id })
  }

  async function setActive(id: string): Promise<void> {
    state.value = await invoke('shops:set-active', { id })
  }

  async function allowWeakSecrets(allow: boolean): Promise<void> {
    state.value = await invoke('shops:allow-weak-secrets', { allow })
  }

  async function testConnection(id: string): Promise<ConnectionTestResult> {
    testing.value = { ...testing.value, [id]: true }
    try {
      const result = await invoke('shops:test-connection', { id })
      lastTest.value = { ...lastTest.value, [id]: result }
      return result
    } finally {
      testing.value = { ...testing.value, [id]: false }
    }
  }

  return {
    state,
    shops,
    active,
    error,
    loading,
    testing,
    lastTest,
    load,
    save,
    remove,
    setActive,
    allowWeakSecrets,
    testConnection,
  }
})
