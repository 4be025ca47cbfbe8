import { useRouter } from 'vue-router'
import { useShopsStore } from '../stores/shops'
import { useToastStore } from '../stores/toasts'
import { useErrorText } from './use-error-text'
import { useEvent } from './use-remote'

/**
 * The desktop app's native menu (Go › a screen, File › Check connection): main owns the
 * menu, the window owns the router and the shop checks, so main sends the command here.
 */
export function useMenuCommands(): void {
  const router = useRouter()
  const shops = useShopsStore()
  const toasts = useToastStore()
  const errorText = useErrorText()

  useEvent('app:menu', (cmd) => {
    if (cmd.command === 'navigate') {
      if (router.hasRoute(cmd.screen)) void router.push({ name: cmd.screen })
      return
    }
    const id = shops.activeId
    if (!id) return
    // Settings › Shops shows the full result beside the shop; the toast says it at once.
    void router.push({ name: 'settings' })
    void shops.testConnection(id).then(
      (r) => (r.outcome === 'ok' ? toasts.success(r.message) : toasts.error(r.message)),
      (err: unknown) => toasts.error(errorText(err)),
    )
  })
}
