import { invoke } from '../api'
import { useToastStore } from '../stores/toasts'
import { i18n } from '../i18n'
import { errorText } from '../i18n/error-text'

/**
 * Links never navigate the console window away. A click on an outside link is handed to
 * main's allow-listed `app:open-external`; main decides whether it opens.
 */
export function installLinkGuard(): void {
  document.addEventListener('click', (e) => {
    const anchor = (e.target as Element | null)?.closest?.('a[href]')
    if (!(anchor instanceof HTMLAnchorElement)) return
    const url = new URL(anchor.href, location.href)
    if (url.origin === location.origin) return
    e.preventDefault()
    invoke('app:open-external', { url: url.href }).catch((err: unknown) =>
      useToastStore().error(
        errorText(
          err,
          (key, named) => i18n.global.t(key, named ?? {}),
          (key) => i18n.global.te(key),
        ),
      ),
    )
  })

  // Defence in depth for the browser host: a script-initiated navigation to another
  // origin is cancelled where the Navigation API lets us (Electron's main does it there).
  const nav = (window as unknown as { navigation?: EventTarget }).navigation
  nav?.addEventListener('navigate', (event) => {
    const e = event as Event & { destination: { url: string }; cancelable: boolean }
    if (new URL(e.destination.url).origin !== location.origin && e.cancelable) e.preventDefault()
  })
}
