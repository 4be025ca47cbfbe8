import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get, postForm, postMultipart, sendJson } from './helpers'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})
beforeEach(() => sb.journal.clear())

const last = () => {
  const entry = sb.journal.entries().at(-1)
  if (!entry) throw new Error('journal is empty')
  return entry
}

describe('request journal', () => {
  it('records where the secret was sent and never the secret itself', async () => {
    await get(sb, '/promo_codes', AUTH)
    expect(last()).toMatchObject({
      method: 'GET',
      path: '/promo_codes',
      status: 200,
      secretPlacement: 'query',
      shopId: DEMO_SHOP.shopId,
    })
    expect(last().query).toEqual({ shop_id: DEMO_SHOP.shopId, shop_secret: '[redacted]' })

    await sendJson(sb, '/promo_codes', { ...AUTH, id: 3201, codes: ['J-1'] })
    expect(last()).toMatchObject({
      secretPlacement: 'body',
      contentType: 'application/json',
      body: { shop_secret: '[redacted]', codes: ['J-1'] },
    })

    await postForm(sb, '/segments/add', { ...AUTH, email: 'journal@example.com', segment_id: 313 })
    expect(last()).toMatchObject({
      secretPlacement: 'form',
      body: { shop_secret: '[redacted]', email: 'journal@example.com' },
    })

    const form = new FormData()
    form.set('shop_id', DEMO_SHOP.shopId)
    form.set('shop_secret', DEMO_SHOP.secret)
    form.set('code', 'welcome')
    form.set('email', 'journal@example.com')
    form.set('attachment', new Blob(['abc']), 'a.txt')
    await postMultipart(sb, '/transact', form)
    expect(last()).toMatchObject({
      secretPlacement: 'form',
      files: [{ field: 'attachment', filename: 'a.txt', size: 3 }],
    })

    await get(
      sb,
      '/subscriptions/check',
      { shop_id: DEMO_SHOP.shopId, email: 'a@example.com' },
      { 'x-shop-secret': DEMO_SHOP.secret },
    )
    expect(last()).toMatchObject({ status: 200, secretPlacement: 'header' })

    await get(sb, '/nps/channels', { shop_id: DEMO_SHOP.shopId })
    expect(last().secretPlacement).toBe('none')

    expect(JSON.stringify(sb.journal.entries())).not.toContain(DEMO_SHOP.secret)
  })

  it('flags a secret sent in the query even when the body has it too', async () => {
    await fetch(`${sb.url}/promo_codes?shop_secret=${DEMO_SHOP.secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...AUTH, id: 3201, codes: ['J-2'] }),
    })
    expect(last().secretPlacement).toBe('query')
    expect(JSON.stringify(last())).not.toContain(DEMO_SHOP.secret)
  })

  it('records rejected, unknown and wrong-method requests, redacted too', async () => {
    await get(sb, '/promo_codes', { ...AUTH, shop_secret: 'a-wrong-secret' })
    expect(last()).toMatchObject({ status: 403, query: { shop_secret: '[redacted]' } })
    await get(sb, '/nowhere', AUTH)
    expect(last()).toMatchObject({
      status: 404,
      path: '/nowhere',
      query: { shop_secret: '[redacted]' },
    })
    await fetch(`${sb.url}/transact?shop_secret=${DEMO_SHOP.secret}`)
    expect(last()).toMatchObject({ status: 405, method: 'GET', secretPlacement: 'query' })
    expect(JSON.stringify(sb.journal.entries())).not.toContain(DEMO_SHOP.secret)
    expect(JSON.stringify(sb.journal.entries())).not.toContain('a-wrong-secret')
  })

  it('count() filters by method and path; clear() empties it', async () => {
    await get(sb, '/nps/channels', { shop_id: DEMO_SHOP.shopId })
    await get(sb, '/nps/channels', { shop_id: DEMO_SHOP.shopId })
    await sendJson(sb, '/promo_codes', { ...AUTH, id: 3201, codes: ['J-3'] })
    expect(sb.journal.count()).toBe(3)
    expect(sb.journal.count({ path: '/nps/channels' })).toBe(2)
    expect(sb.journal.count({ method: 'POST', path: '/promo_codes' })).toBe(1)
    expect(sb.journal.count({ method: 'GET', path: '/promo_codes' })).toBe(0)
    const seqs = sb.journal.entries().map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    sb.journal.clear()
    expect(sb.journal.entries()).toEqual([])
  })
})
