import { describe, expect, it } from 'vitest'
import { channelNames, channels } from '../../../src/shared/contract/channels'
import type { Handlers } from '../../../src/main/ipc/router'
import { createRouter } from '../../../src/main/ipc/router'
import { createLogger } from '../../../src/main/log/logger'
import { SecretRegistry } from '../../../src/main/log/redact'
import { AppFailure, isAppError } from '../../../src/shared/errors'
import { defaultSettings } from '../../../src/shared/settings'
import { randomPayload, seededRandom } from '../../support/random-payload'

const ctx = { host: 'browser' as const, senderId: 'test' }
const log = createLogger({ secrets: new SecretRegistry() })

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  // Channels this test does not exercise fail loudly if the router ever routes to them.
  const unused = Object.fromEntries(
    channelNames.map((n) => [n, () => Promise.reject(new Error(`unexpected ${n}`))]),
  ) as unknown as Handlers
  return {
    ...unused,
    'app:info': () => ({
      productName: 'PersonaClick Console',
      version: '0.0.0',
      host: 'browser',
      platform: 'linux',
      versions: { node: '20', v8: '11', electron: null, chrome: null },
      dataDir: '/tmp/x',
    }),
    'app:open-external': () => ({ opened: true }),
    'settings:get': () => defaultSettings,
    'settings:update': (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides,
  }
}

describe('router', () => {
  it('answers a known channel with its handler result', async () => {
    const router = createRouter(handlers(), log)
    const result = await router.dispatch('settings:update', { theme: 'dark' }, ctx)
    expect(result).toEqual({ ok: true, value: { language: 'en', theme: 'dark' } })
  })

  it('rejects unknown channels, including prototype keys', async () => {
    const router = createRouter(handlers(), log)
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await router.dispatch(name, {}, ctx)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_CHANNEL')
    }
  })

  it('rejects malformed input before the handler runs', async () => {
    let called = false
    const router = createRouter(
      handlers({
        'settings:update': () => {
          called = true
          return defaultSettings
        },
      }),
      log,
    )
    const result = await router.dispatch('settings:update', { theme: 'purple' }, ctx)
    expect(called).toBe(false)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT')
      expect(result.error.details?.issues).toMatch(/theme/)
    }
  })

  it('rejects unexpected extra keys (strict schemas)', async () => {
    const router = createRouter(handlers(), log)
    const result = await router.dispatch('settings:get', { sneaky: true }, ctx)
    expect(result.ok).toBe(false)
  })

  it('passes typed failures through and hides unexpected ones', async () => {
    const router = createRouter(
      handlers({
        'app:open-external': () => {
          throw new AppFailure('NOT_ALLOWED', 'not on the list')
        },
        'settings:get': () => {
          throw new Error('disk exploded at /secret/path')
        },
      }),
      log,
    )
    const typed = await router.dispatch('app:open-external', { url: 'https://x.test' }, ctx)
    expect(typed).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', message: 'not on the list' } })
    const hidden = await router.dispatch('settings:get', {}, ctx)
    expect(hidden.ok).toBe(false)
    if (!hidden.ok) {
      expect(hidden.error.code).toBe('INTERNAL')
      expect(hidden.error.message).not.toContain('/secret/path')
    }
  })

  it('survives 1,000 random payloads with a typed answer each, then still serves', async () => {
    const router = createRouter(handlers(), log)
    const rnd = seededRandom(2026)
    const names = [...Object.keys(channels), 'x', '', '__proto__']
    for (let i = 0; i < 1000; i++) {
      const channel = rnd() < 0.7 ? names[Math.floor(rnd() * names.length)] : randomPayload(rnd, 2)
      const result = await router.dispatch(channel, randomPayload(rnd, 4), ctx)
      if (!result.ok) expect(isAppError(result.error)).toBe(true)
    }
    expect(await router.dispatch('settings:get', {}, ctx)).toEqual({
      ok: true,
      value: defaultSettings,
    })
  })
})
