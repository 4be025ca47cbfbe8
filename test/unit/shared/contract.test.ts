import { afterEach, describe, expect, it, vi } from 'vitest'
import { channelNames, channels } from '../../../src/shared/contract/channels'
import { channel, event, mergeDomains } from '../../../src/shared/contract/define'
import { eventNames } from '../../../src/shared/contract/events'
import type { PcBridge } from '../../../src/shared/contract/types'
import { INVOKE_CHANNEL } from '../../../src/shared/electron-ipc'
import { isAllowedExternalUrl } from '../../../src/shared/external-links'
import { noInput } from '../../../src/shared/contract/domains/common'
import { domains } from '../../../src/shared/contract/domains'

describe('contract', () => {
  it('gathers every domain’s channels and events', () => {
    // Merging keeps every channel each domain declares, no more and no fewer…
    const declared = domains.flatMap((d) => Object.keys(d.channels))
    expect([...channelNames].sort()).toEqual(declared.sort())
    // …and a domain left out of the list, or a renamed channel, shows here.
    expect(channelNames).toEqual(
      expect.arrayContaining([
        'app:info',
        'settings:update',
        'shops:test-connection',
        'activity:export',
        'files:pick',
        'import:start',
        'nps:load',
        'sends:bulk-report',
        'segments:lookup',
        'products:lookup',
        'notifications:search',
      ]),
    )
    expect([...eventNames].sort()).toEqual([
      'activity:cleared',
      'activity:recorded',
      'app:menu',
      'files:dropped',
      'files:opened',
      'import:job',
      'nps:progress',
      'products:watchlist',
      'promo-codes:lists',
      'promo-codes:low-stock',
      'promo-codes:upload',
      'segments:catalogue',
      'segments:job',
      'sends:bulk',
      'sends:logged',
      'settings:changed',
      'shops:changed',
    ])
  })

  it('refuses a name two domains declare', () => {
    const a = { channels: { 'x:get': channel<string>()(noInput) }, events: {} }
    const b = { channels: {}, events: { 'x:changed': event<string>() } }
    expect(Object.keys(mergeDomains([a, b], 'channels'))).toEqual(['x:get'])
    expect(() => mergeDomains([a, b, a], 'channels')).toThrow('declares x:get twice')
  })

  it('settings:update accepts a partial patch and refuses unknown values', () => {
    const schema = channels['settings:update'].input
    expect(schema.safeParse({ language: 'ru' }).success).toBe(true)
    expect(schema.safeParse({ language: 'de' }).success).toBe(false)
    expect(schema.safeParse({ theme: 'dark', extra: 1 }).success).toBe(false)
  })
})

describe('preload', () => {
  afterEach(() => {
    vi.doUnmock('electron')
    vi.resetModules()
    vi.unstubAllGlobals()
  })

  /** Loads the real preload with Electron's bridge recorded instead of exposed. */
  async function loadPreload() {
    const exposed = new Map<string, unknown>()
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    const on = vi.fn()
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke, on, removeListener: vi.fn(), send: vi.fn() },
      webUtils: { getPathForFile: () => '' },
    }))
    vi.stubGlobal('window', { addEventListener: vi.fn() })
    vi.resetModules()
    // Through a variable: the preload is type-checked in its own project (DOM, not Node).
    const preload = '../../../src/preload/index'
    await import(/* @vite-ignore */ preload)
    return { exposed, invoke, on }
  }

  it('puts exactly one object with invoke and on on window', async () => {
    const { exposed } = await loadPreload()
    expect([...exposed.keys()]).toEqual(['pc'])
    expect(Object.keys(exposed.get('pc') as object).sort()).toEqual(['invoke', 'on'])
  })

  it('passes the contract’s channels to main and refuses any other name without asking', async () => {
    const { exposed, invoke, on } = await loadPreload()
    const pc = exposed.get('pc') as PcBridge
    await pc.invoke('nps:load', { from: '2025-01-01', to: '2025-01-31' })
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'nps:load', {
      from: '2025-01-01',
      to: '2025-01-31',
    })
    const refused = await pc.invoke('fs:read' as never, {} as never)
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(invoke).toHaveBeenCalledTimes(1)

    pc.on('shops:changed', () => undefined)
    expect(on).toHaveBeenCalledTimes(1)
    expect(() => pc.on('process:exit' as never, () => undefined)).toThrow(/Unknown event/)
  })
})

describe('external links', () => {
  it.each([
    ['https://docs.personaclick.com/', true],
    ['https://personaclick.com/pricing', true],
    ['http://docs.personaclick.com/', false],
    ['https://docs.personaclick.com.evil.test/', false],
    ['https://user:pw@docs.personaclick.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})
