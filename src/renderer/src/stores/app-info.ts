import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/app-info'
import { invoke } from '../api'

export const useAppInfoStore = defineStore('appInfo', () => {
  const info = ref<AppInfo | null>(null)
  const error = ref<Error | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      info.value = await invoke('app:info', {})
    } catch (err) {
      error.value = err as Error
    } finally {
      loading.value = false
    }
  }

  return { info, error, loading, load }
})
