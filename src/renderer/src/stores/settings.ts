import { defineStore } from 'pinia'
import { ref } from 'vue'
import { defaultSettings, type Settings } from '../../../shared/settings'
import { invoke, onEvent } from '../api'
import { setLanguage } from '../i18n'

/** Language and theme: loaded from main, changed through main, applied on every change. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...defaultSettings })
  const loaded = ref(false)

  function apply(next: Settings): void {
    settings.value = next
    setLanguage(next.language)
  }

  async function load(): Promise<void> {
    apply(await invoke('settings:get', {}))
    loaded.value = true
    // Another window (or the other host tab) may change them too.
    onEvent('settings:changed', apply)
  }

  async function update(patch: Partial<Settings>): Promise<void> {
    apply(await invoke('settings:update', patch))
  }

  return { settings, loaded, load, update }
})
