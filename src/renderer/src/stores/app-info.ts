import { defineStore } from 'pinia'
import type { AppInfo } from '../../../shared/app-info'
import { invoke } from '../api'
import { useRemote } from '../composables/use-remote'

/** Versions and the host the console runs in (About); the same for every shop. */
export const useAppInfoStore = defineStore('appInfo', () => {
  const remote = useRemote<AppInfo | null>(() => invoke('app:info', {}), {
    initial: () => null,
    perShop: false,
  })
  return { info: remote.data, error: remote.error, loading: remote.loading, load: remote.load }
})
