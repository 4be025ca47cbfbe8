import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/test-core'
import type { Core } from '../../../src/main/core'
import { ContractClient, startHostProcess, type HostProcess } from '../web-host/host-process'
import { answeringServer, type Answer, type AnsweringServer } from './answering-server'

/**
 * How long and how much the client is willing to take from PersonaClick: a runaway answer
 * is cut at the endpoint's cap (and never asked for again), a call has a deadline beyond
 * its attempts, and "Test connection" asks once.
 */
const MB = 1024 * 1024

/** 600 MB of JSON-looking bytes, streamed (never held) and without a Content-Length. */
const endless: Answer = (_req, res) => {
  const chunk = Buffer.alloc(MB, '{"id":1,"name":"x","available":1},')
  res.writeHead(200, { 'Content-Type': 'application/json' })
  let sent = 0
  const pump = (): void => {
    while (sent < 600 && !res.destroyed) {
      sent++
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    res.end()
  }
  res.write('[')
  pump()
}

/** Never answers: the request is read and then nothing happens. */
const silent: Answer = () => undefined

let server: AnsweringServer
afterEach(async () => {
  await server?.close()
})

describe('answer size cap', () => {
  let host: HostProcess
  beforeAll(async () => {
    host = await startHostProcess()
  })
  afterAll(() => host?.stop())

  it('a 600 MB answer fails as "answer too large", once, with the host under 400 MB', async () => {
    server = await answeringServer({ '/promo_codes': endless })
    const client = await ContractClient.open(host)
    const saved = (await client.invoke('shops:save', {
      label: 'Runaway',
      apiHost: server.url,
      shopId: 'runaway',
      secret: 'runaway-secret',
      defaultCountry: 'RU',
      timeZone: 'UTC',
    })) as { ok: boolean; value: { id: string } }
    await client.invoke('shops:set-active', { id: saved.value.id })
    const result = await client.invoke('promo-codes:lists', {}, 60_000)
    expect(result).toMatchObject({
      ok: false,
      error: { details: { messageKey: 'answer-too-large', limitMb: 16 } },
    })
    // Not asked again: the same question would get the same answer.
    expect(server.hits('/promo_codes')).toBe(1)
    expect(await host.peakRssBytes()).toBeLessThan(400 * MB)
    client.close()
  })
})

describe('deadlines', () => {
  let core: Core
  beforeAll(async () => {
    core = await createTestCore({ demo: false })
  })
  afterAll(() => core?.dispose())

  it('"Test connection" asks a silent server once and says it timed out', async () => {
    server = await answeringServer({ '/promo_codes': silent })
    const shop = await core.router.dispatch(
      'shops:save',
      {
        label: 'Silent',
        apiHost: server.url,
        shopId: 'silent',
        secret: 'silent-secret',
        defaultCountry: 'RU',
        timeZone: 'UTC',
      },
      { host: 'browser', senderId: 'test' },
    )
    if (!shop.ok) throw new Error(shop.error.message)
    const { id } = shop.value as { id: string }
    const tested = await core.router.dispatch(
      'shops:test-connection',
      { id },
      { host: 'browser', senderId: 'test' },
    )
    expect(tested).toMatchObject({ ok: true, value: { outcome: 'timeout' } })
    expect(server.hits('/promo_codes')).toBe(1)
  }, 30_000)

  it('a read against a silent server ends at the call’s deadline, however many retries remain', async () => {
    server = await answeringServer({ '/nps/channels': silent })
    const shop = await core.router.dispatch(
      'shops:save',
      {
        label: 'Silent reads',
        apiHost: server.url,
        shopId: 'silent',
        secret: 'silent-secret',
        defaultCountry: 'RU',
        timeZone: 'UTC',
      },
      { host: 'browser', senderId: 'test' },
    )
    if (!shop.ok) throw new Error(shop.error.message)
    const { id } = shop.value as { id: string }
    // Attempts of 30 s and three retries would keep the marketer 2 minutes; the deadline
    // ends the call when it is due, without starting another attempt.
    await expect(
      core.api.call('nps.channels', { profileId: id }, {}, { timeoutMs: 30_000, deadlineMs: 500 }),
    ).rejects.toMatchObject({ appError: { code: 'TIMEOUT' } })
    expect(server.hits('/nps/channels')).toBe(1)
  })
})
