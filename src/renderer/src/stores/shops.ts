import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ConnectionTestResult, ShopDraft, ShopsState } from '../../../shared/shops'
import { invoke } from '../api'
import { useEvent, useRemote } from '../composables/use-remote'

/** Shops as main reports them (never a secret), kept live by the `shops:changed` event. */
export const useShopsStore = defineStore('shops', () => {
  // The list itself is not per shop: it is what a switch chooses from.
  const remote = useRemote<ShopsState | null>(() => invoke('shops:list', {}), {
    initial: () => null,
    perShop: false,
  })
  const state = remote.data
  useEvent('shops:changed', (next) => (state.value = next))
  const testing = ref<Record<string, boolean>>({})
  const lastTest = ref<Record<string, ConnectionTestResult>>({})

  const shops = computed(() => state.value?.shops ?? [])
  /** The shop every per-shop screen shows; null until the list has loaded. */
  const activeId = computed(() => state.value?.activeId ?? null)
  const active = computed(() => shops.value.find((s) => s.id === activeId.value) ?? null)

  async function load(): Promise<void> {
    await remote.load()
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
    activeId,
    active,
    error: remote.error,
    loading: remote.loading,
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
