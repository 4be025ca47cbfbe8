import { defineStore } from 'pinia'
import { computed, watch } from 'vue'
import { defaultSettings, type Settings } from '../../../shared/settings'
import { invoke } from '../api'
import { useEvent, useRemote } from '../composables/use-remote'
import { setLanguage } from '../i18n'

/** Language and theme: loaded from main, changed through main, applied on every change. */
export const useSettingsStore = defineStore('settings', () => {
  const remote = useRemote<Settings | null>(() => invoke('settings:get', {}), {
    initial: () => null,
    perShop: false,
  })
  const settings = computed(() => remote.data.value ?? defaultSettings)
  watch(settings, (next) => setLanguage(next.language))
  // Another window (or the other host tab) may change them too.
  useEvent('settings:changed', (next) => (remote.data.value = next))

  async function update(patch: Partial<Settings>): Promise<void> {
    remote.data.value = await invoke('settings:update', patch)
  }

  return {
    settings,
    loaded: computed(() => remote.data.value !== null),
    error: remote.error,
    load: remote.load,
    update,
  }
})
