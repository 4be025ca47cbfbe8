import { describe, expect, it, vi } from 'vitest'
import {
  denyAllPermissions,
  hardenContents,
  makeIsOwnUrl,
  type NavigableContents,
} from '../../../src/main/electron/hardening'
import { secureWebPreferences } from '../../../src/main/electron/web-preferences'

type Listener = (e: { preventDefault(): void }, url?: string) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  const contents = {
    on: (event: string, l: Listener) => listeners.set(event, l),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
  } as unknown as NavigableContents
  const fire = (event: string, url?: string): boolean => {
    const e = { preventDefault: vi.fn() }
    listeners.get(event)?.(e, url)
    return e.preventDefault.mock.calls.length > 0
  }
  return { contents, fire, open: (url: string) => openHandler?.({ url }) }
}

describe('window hardening', () => {
  const isOwn = makeIsOwnUrl(undefined)

  it('keeps navigation inside the app:// origin', () => {
    const { contents, fire } = fakeContents()
    hardenContents(contents, isOwn)
    expect(fire('will-navigate', 'https://evil.test/')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-redirect', 'https://evil.test/')).toBe(true)
    expect(fire('will-navigate', 'app://console/index.html#/settings')).toBe(false)
  })

  it('denies every new window and webview', () => {
    const { contents, fire, open } = fakeContents()
    hardenContents(contents, isOwn)
    expect(open('https://docs.personaclick.com/')).toEqual({ action: 'deny' })
    expect(open('app://console/index.html')).toEqual({ action: 'deny' })
    expect(fire('will-attach-webview')).toBe(true)
  })

  it('allows the dev server only when one is configured', () => {
    expect(makeIsOwnUrl('http://localhost:5173')('http://localhost:5173/#/about')).toBe(true)
    expect(makeIsOwnUrl(undefined)('http://localhost:5173/#/about')).toBe(false)
    expect(makeIsOwnUrl('http://localhost:5173')('http://localhost:5174/')).toBe(false)
  })

  it('refuses every permission but clipboard writes from the console’s own pages', () => {
    type Request = (wc: unknown, p: string, cb: (g: boolean) => void, d: object) => void
    let request: Request | undefined
    let check: ((wc: unknown, p: string, origin: string) => boolean) | undefined
    denyAllPermissions(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
      },
      makeIsOwnUrl(undefined),
    )
    const cb = vi.fn()
    const own = { requestingUrl: 'app://console/index.html#/sends' }
    request?.(null, 'media', cb, own)
    request?.(null, 'notifications', cb, own)
    request?.(null, 'clipboard-read', cb, own)
    request?.(null, 'clipboard-sanitized-write', cb, own)
    request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'https://evil.example/' })
    request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'about:srcdoc' })
    expect(cb.mock.calls).toEqual([[false], [false], [false], [true], [false], [false]])
    expect(check?.(null, 'clipboard-read', 'app://console')).toBe(false)
    expect(check?.(null, 'clipboard-sanitized-write', 'app://console')).toBe(true)
    expect(check?.(null, 'clipboard-sanitized-write', 'null')).toBe(false)
  })

  it('builds windows sandboxed, isolated and without Node', () => {
    const prefs = secureWebPreferences('/p/preload.cjs')
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
  })
})
