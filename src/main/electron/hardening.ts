/**
 * Window hardening in one place, written against the few members of Electron's objects
 * it uses so unit tests can drive it with plain fakes.
 */
export interface NavigableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (e: { preventDefault(): void }, url: string) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void
  setPermissionCheckHandler(
    handler: (wc: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void
}

/** True for the console's own pages: the app:// origin, or the dev server in development. */
export type IsOwnUrl = (url: string) => boolean

export function hardenContents(contents: NavigableContents, isOwnUrl: IsOwnUrl): void {
  // Same-page hash changes (the router) are allowed; anything else would swap our
  // privileged preload onto a foreign page.
  contents.on('will-navigate', (e, url) => {
    if (!isOwnUrl(url)) e.preventDefault()
  })
  contents.on('will-redirect', (e, url) => {
    if (!isOwnUrl(url)) e.preventDefault()
  })
  contents.on('will-attach-webview', (e) => e.preventDefault())
  // Links to the outside go through the allow-listed `app:open-external` channel instead.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * Camera, microphone, notifications, geolocation, reading the clipboard...: the console
 * needs none of them. Writing to the clipboard ("Copy as curl", "Copy link") it does,
 * from its own pages only; a message body's sandboxed frame is not one of them.
 */
export function denyAllPermissions(session: PermissionSession, isOwnUrl: IsOwnUrl): void {
  const allowed = (permission: string, url: string | undefined): boolean =>
    permission === 'clipboard-sanitized-write' && url !== undefined && isOwnUrl(url)
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl)),
  )
  session.setPermissionCheckHandler((_wc, permission, origin) => allowed(permission, origin))
}

export const APP_ORIGIN = 'app://console'

export function makeIsOwnUrl(devServerUrl: string | undefined): IsOwnUrl {
  return (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return false
    }
    if (url.origin === APP_ORIGIN || `${url.protocol}//${url.host}` === APP_ORIGIN) return true
    if (devServerUrl) {
      const dev = new URL(devServerUrl)
      return url.origin === dev.origin
    }
    return false
  }
}
