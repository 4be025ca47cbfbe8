import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AppFailure } from '../../../src/shared/errors'
import { harness, PROFILE, type Harness } from './harness'

let sb: Sandbox
let h: Harness
beforeAll(async () => {
  sb = await startSandbox({ port: 0 })
})
afterAll(async () => {
  await h?.cleanup()
  await sb.close()
})

const failure = async (p: Promise<unknown>): Promise<AppFailure> => {
  try {
    await p
  } catch (err) {
    if (err instanceof AppFailure) return err
    throw err
  }
  throw new Error('expected a failure')
}

describe('promo-code lists against the sandbox', () => {
  it('pages until a short page, so every list shows even beyond one page', async () => {
    h = await harness({ url: sb.url, pageSize: 2 })
    const state = await h.lists.refresh(PROFILE)
    const expected = [...sb.state.main.promoLists.values()]
    expect(state.lists.map((l) => l.id)).toEqual(expected.map((l) => String(l.id)))
    const gets = sb.journal.entries().filter((e) => e.path === '/promo_codes')
    expect(gets.map((e) => [e.query.offset, e.query.limit])).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
      ['6', '2'],
    ])
    // GET with the secret in the query, as the reference documents; nothing in a body.
    expect(gets.every((e) => e.method === 'GET' && e.secretPlacement === 'query')).toBe(true)
  })

  it('shows counts, the default threshold and a warning under it', async () => {
    const state = await h.lists.refresh(PROFILE)
    const nearEmpty = state.lists.find((l) => l.name.startsWith('Free delivery'))
    expect(nearEmpty).toMatchObject({ threshold: 500, low: true })
    expect(nearEmpty!.available).toBeGreaterThan(0)
    expect(nearEmpty!.available).toBeLessThan(500)
    const welcome = state.lists.find((l) => l.name === 'Welcome -10%')
    expect(welcome).toMatchObject({ low: false })
    expect(welcome!.history.length).toBeGreaterThanOrEqual(1)
    expect(welcome!.forecast).toEqual({ kind: 'not-enough-history' })
  })

  it('warns once when a list crosses its threshold between two readings', async () => {
    const state = await h.lists.setThreshold(PROFILE, '3201', 100)
    expect(state.lists.find((l) => l.id === '3201')).toMatchObject({ threshold: 100, low: false })
    await h.lists.refresh(PROFILE)
    // Campaigns hand out all but 50 of the birthday codes.
    const list = sb.state.main.promoLists.get(3201)!
    let keep = 50
    for (const entry of list.codes.values()) if (!entry.sent && keep-- <= 0) entry.sent = true
    h.alerts.length = 0
    await h.lists.refresh(PROFILE)
    expect(h.alerts).toEqual([
      { profileId: PROFILE, listId: '3201', name: 'Birthday gift', available: 50, threshold: 100 },
    ])
    await h.lists.refresh(PROFILE)
    expect(h.alerts).toHaveLength(1)
  })

  it('purges only after the list’s name is typed, and says before and after', async () => {
    const f = await failure(h.lists.purge(PROFILE, '3190', 'welcome'))
    expect(f.appError.details?.messageKey).toBe('promo-name-mismatch')
    expect(sb.journal.count({ method: 'DELETE', path: '/promo_codes/purge' })).toBe(0)
    const sent = [...sb.state.main.promoLists.get(3190)!.codes.values()].filter((c) => c.sent)
    const change = await h.lists.purge(PROFILE, '3190', 'Welcome -10%')
    expect(change.before).toBeGreaterThan(0)
    expect(change.after).toBe(0)
    // Codes already handed out stay.
    expect(sb.state.main.promoLists.get(3190)!.codes.size).toBe(sent.length)
    const purge = sb.journal.entries().find((e) => e.path === '/promo_codes/purge')!
    expect(purge).toMatchObject({ method: 'DELETE', secretPlacement: 'body', query: {} })
    expect(purge.body).toMatchObject({ shop_id: DEMO_SHOP.shopId, id: '3190' })
  })

  it('deletes codes in batches and totals deleted and not found', async () => {
    const codes = [...sb.state.main.promoLists.get(3184)!.codes.keys()].slice(0, 5)
    const result = await h.lists.deleteCodes(PROFILE, '3184', [...codes, 'NO-SUCH-1'], 4)
    expect(result).toMatchObject({ deleted: 5, notFound: 1 })
    expect(result.before - result.after).toBeLessThanOrEqual(5)
    const deletes = sb.journal.entries().filter((e) => e.path === '/promo_codes/delete')
    expect(deletes).toHaveLength(2)
    expect(deletes[0]!.body).toMatchObject({ promo_code_list_id: '3184', codes: codes.slice(0, 4) })
    expect(deletes.every((e) => e.secretPlacement === 'body' && e.method === 'DELETE')).toBe(true)
    // The activity log shows how many codes, never the codes.
    const logged = h.calls.filter((c) => c.endpoint === 'promoCodes.delete')
    expect(JSON.stringify(logged)).not.toContain(codes[0]!)
    expect(logged[0]!.params.codes).toBe('[4 items]')
  })

  it('an unknown list is "gone", a wrong secret is the API’s 403', async () => {
    const gone = await failure(h.lists.purge(PROFILE, '999999', 'x'))
    expect(gone.appError.details?.messageKey).toBe('promo-list-gone')
    const wrong = await startSandbox({
      port: 0,
      shops: [{ shopId: DEMO_SHOP.shopId, secret: 'another-secret' }],
    })
    const other = await harness({ url: wrong.url })
    const denied = await failure(other.lists.refresh(PROFILE))
    expect(denied.appError.code).toBe('API_WRONG_SECRET')
    await other.cleanup()
    await wrong.close()
  })
})

describe('the sandbox’s own promo-code behaviour', () => {
  it('drains stock over time when started like the Demo shop', async () => {
    const demo = await startSandbox({ port: 0, promoDrain: true })
    const list = demo.state.main.promoLists.get(3184)!
    const avail = (): number => [...list.codes.values()].filter((c) => !c.sent).length
    const start = avail()
    const { drainLists } = await import('../../../src/sandbox/data/promo-codes')
    const t0 = Date.now()
    drainLists(demo.state.main.promoLists, t0)
    drainLists(demo.state.main.promoLists, t0 + 30 * 60_000)
    expect(start - avail()).toBe(60) // 120 an hour
    await demo.close()
  })

  it('serves /promo_codes/fetch (for devices), which hands a code out for good', async () => {
    const before = sb.state.main.promoLists.get(3184)!
    const unsent = [...before.codes.values()].filter((c) => !c.sent).length
    const r = await fetch(
      `${sb.url}/promo_codes/fetch?did=dev1&shop_id=${DEMO_SHOP.shopId}&id=3184`,
    )
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ code: expect.any(String) })
    expect([...before.codes.values()].filter((c) => !c.sent).length).toBe(unsent - 1)
    // This test called it on purpose; the suite-wide check is about the console.
    sb.journal.clear()
  })
})
