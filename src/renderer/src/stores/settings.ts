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
  // A catalogue that cannot load leaves the page in the language it had.
  watch(settings, (next) => void setLanguage(next.language).catch(() => undefined))
  // Another window (or the other host tab) may change them too.
  useEvent('settings:changed', (next) => (remote.data.value = next))

  /** Resolves once a new language is in place, so what follows is said in it. */
  async function update(patch: Partial<Settings>): Promise<void> {
    const next = await invoke('settings:update', patch)
    await setLanguage(next.language).catch(() => undefined)
    remote.data.value = next
  }

  /**
   * Before the first screen: the settings, then the chosen language's catalogue (English
   * when the settings cannot be read, so the page can say why).
   */
  async function start(): Promise<void> {
    await remote.load()
    await setLanguage(settings.value.language).catch(() => setLanguage('en'))
  }

  return {
    settings,
    start,
    loaded: computed(() => remote.data.value !== null),
    error: remote.error,
    load: remote.load,
    update,
  }
})
