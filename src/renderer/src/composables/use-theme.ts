import { computed, onScopeDispose, ref, watchEffect } from 'vue'
import { useSettingsStore } from '../stores/settings'

/** Class PrimeVue's `darkModeSelector` and our own CSS key dark mode on. */
export const DARK_CLASS = 'app-dark'

/** Resolves `system` against the OS preference and keeps <html> in step. */
export function useTheme() {
  const store = useSettingsStore()
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const systemDark = ref(media.matches)
  const onChange = (e: MediaQueryListEvent): void => {
    systemDark.value = e.matches
  }
  media.addEventListener('change', onChange)
  onScopeDispose(() => media.removeEventListener('change', onChange))

  const isDark = computed(() =>
    store.settings.theme === 'system' ? systemDark.value : store.settings.theme === 'dark',
  )
  watchEffect(() => document.documentElement.classList.toggle(DARK_CLASS, isDark.value))

  return { isDark }
}
