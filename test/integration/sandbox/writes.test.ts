import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get, postForm, postMultipart, sendJson } from './helpers'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})

type PromoRow = { id: number; name: string; available: number }
const promoList = async (id: number): Promise<PromoRow | undefined> =>
  ((await get(sb, '/promo_codes', AUTH)).body as PromoRow[]).find((l) => l.id === id)

describe('writes are visible in later reads', () => {
  it('POST /import/audience creates profiles, sets subscriptions and segment membership', async () => {
    const res = await sendJson(sb, '/import/audience', {
      ...AUTH,
      segment_id: '334',
      audience: [
        {
          email: 'Jane.Smith@Example.com',
          phone: '+1 (999) 100-5000',
          first_name: 'Jane',
          last_name: 'Smith',
          email_bulk: true,
          sms_bulk: false,
          loyalty_id: 'LX1',
        },
        { first_name: 'No contact' },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'success' })
    const profile = (await get(sb, '/profile', { ...AUTH, email: 'jane.smith@example.com' })).body
    expect(profile).toMatchObject({
      first_name: 'Jane',
      last_name: 'Smith',
      phone: '19991005000',
      loyalty_id: 'LX1',
    })
    const check = (await get(sb, '/subscriptions/check', { ...AUTH, phone: '19991005000' })).body
    expect(check).toMatchObject({ exists: true, email_bulk: true, sms_bulk: false })
    expect(
      (await get(sb, '/segments/includes', { ...AUTH, loyalty_id: 'LX1', segment_id: 334 })).body,
    ).toBe(true)
    const changes = (
      await get(sb, '/subscriptions/changes', {
        ...AUTH,
        email: 'jane.smith@example.com',
        channel: 'import',
      })
    ).body
    expect(changes).toEqual([
      expect.objectContaining({
        contact: 'jane.smith@example.com',
        event: 'subscribe',
        campaign_type: 'bulk',
      }),
    ])
  })

  it('POST /import/audience with an unknown segment is a 404 and changes nothing', async () => {
    const res = await sendJson(sb, '/import/audience', {
      ...AUTH,
      segment_id: 999999,
      audience: [{ email: 'ghost@example.com' }],
    })
    expect(res.status).toBe(404)
    expect((await get(sb, '/profile', { ...AUTH, email: 'ghost@example.com' })).status).toBe(404)
  })

  it('POST /import/suppressed unsubscribes from email and marks suppressed', async () => {
    const c = sb.state.main.customers.find(
      (x) => x.email && x.subscriptions.email_transactional && !x.emailSuppressed,
    )
    const email = c?.email ?? ''
    expect(
      (await sendJson(sb, '/import/suppressed', { ...AUTH, audience: [{ email }] })).status,
    ).toBe(200)
    const check = (await get(sb, '/subscriptions/check', { ...AUTH, email })).body
    expect(check).toMatchObject({
      email_suppressed: true,
      email_bulk: false,
      email_chain: false,
      email_transactional: false,
    })
  })

  it('POST /segments/add and /segments/remove (form encoded) change /segments/get', async () => {
    const email = 'segment.tester@example.com'
    expect((await postForm(sb, '/segments/add', { ...AUTH, email, segment_id: 320 })).body).toEqual(
      { status: 'success' },
    )
    expect((await get(sb, '/segments/get', { ...AUTH, email })).body).toEqual([
      { id: 320, type: 'static' },
    ])
    expect((await get(sb, '/segments/includes', { ...AUTH, email, segment_id: 320 })).body).toBe(
      true,
    )
    expect(
      (await postForm(sb, '/segments/remove', { ...AUTH, email, segment_id: 320 })).status,
    ).toBe(200)
    expect((await get(sb, '/segments/get', { ...AUTH, email })).body).toEqual([])
    expect((await get(sb, '/segments/includes', { ...AUTH, email, segment_id: 320 })).body).toBe(
      false,
    )
    expect((await postForm(sb, '/segments/add', { ...AUTH, email, segment_id: 314 })).status).toBe(
      400,
    )
    expect((await postForm(sb, '/segments/add', { ...AUTH, email, segment_id: 1 })).status).toBe(
      404,
    )
  })

  it('POST /promo_codes uploads unique codes; purge keeps sent codes; delete reports counts', async () => {
    const before = await promoList(3222)
    expect(before?.available).toBe(0)
    const codes = ['NEW-1', 'NEW-2', 'NEW-2', 'NEW-3']
    expect((await sendJson(sb, '/promo_codes', { ...AUTH, id: '3222', codes })).body).toEqual({
      status: 'success',
    })
    expect((await promoList(3222))?.available).toBe(3)
    expect(
      (await sendJson(sb, '/promo_codes', { ...AUTH, id: 3222, codes: ['NEW-3', 'NEW-4'] })).status,
    ).toBe(200)
    expect((await promoList(3222))?.available).toBe(4)
    const del = await sendJson(
      sb,
      '/promo_codes/delete',
      { ...AUTH, promo_code_list_id: '3222', codes: ['NEW-1', 'MISSING'] },
      'DELETE',
    )
    expect(del.body).toEqual({ delete_count: 1, not_found_count: 1 })
    expect((await promoList(3222))?.available).toBe(3)

    const list = sb.state.main.promoLists.get(3184)
    const sent = [...(list?.codes.values() ?? [])].filter((e) => e.sent).length
    expect(sent).toBeGreaterThan(0)
    expect(
      (await sendJson(sb, '/promo_codes/purge', { ...AUTH, id: 3184 }, 'DELETE')).body,
    ).toEqual({ status: 'success' })
    expect((await promoList(3184))?.available).toBe(0)
    expect(list?.codes.size).toBe(sent)
  })

  it('POST /transact (JSON) returns a unique code that /notifications/:code and /notifications find', async () => {
    const email = sb.state.main.customers[10]?.email ?? 'x@example.com'
    const body = { ...AUTH, code: 'order_created', email, variables: { order: 'A-1' } }
    const a = (await sendJson(sb, '/transact', body)).body as { code: string }
    const b = (await sendJson(sb, '/transact', body)).body as { code: string }
    expect(a.code).toEqual(expect.any(String))
    expect(a.code).not.toBe(b.code)
    const status = await get(sb, `/notifications/${a.code}`)
    expect(status.status).toBe(200)
    // The documented answer, not JSON.
    expect(status.text).toBe('{"200"}')
    sb.setEnvelope('current')
    expect((await get(sb, `/notifications/${a.code}`)).body).toMatchObject({
      status: 'success',
      payload: { message: { code: a.code, type: 'transactional' } },
    })
    sb.setEnvelope('legacy')
    const messages = (
      await get(sb, '/notifications', {
        ...AUTH,
        email,
        date_from: new Date().toISOString().slice(0, 10),
        type: 'transactional',
        channel: 'email',
      })
    ).body as { payload: { messages: { code: string }[] } }
    expect(messages.payload.messages.map((m) => m.code)).toEqual(
      expect.arrayContaining([a.code, b.code]),
    )
    expect(
      sb.state.main.sends.filter((s) => s.campaign === 'order_created' && s.email === email),
    ).toHaveLength(2)
  })

  it('POST /transact (multipart) takes files and variables[KEY] fields', async () => {
    const form = new FormData()
    form.set('file_name', new Blob(['%PDF-1.4 invoice']), 'invoice.pdf')
    form.set('file_name_2', new Blob(['x'.repeat(2048)]), 'terms.txt')
    form.set('shop_id', DEMO_SHOP.shopId)
    form.set('shop_secret', DEMO_SHOP.secret)
    form.set('code', 'order_shipped')
    form.set('email', 'multipart.buyer@example.com')
    form.set('variables[KEY]', 'VALUE')
    form.set('variables[KEY_2]', 'VALUE_2')
    const res = await postMultipart(sb, '/transact', form)
    expect(res.status).toBe(200)
    const code = (res.body as { code: string }).code
    const send = sb.state.main.sends.find((s) => s.code === code)
    expect(send?.variables).toEqual({ KEY: 'VALUE', KEY_2: 'VALUE_2' })
    expect(send?.files).toEqual([
      { field: 'file_name', filename: 'invoice.pdf', size: 16 },
      { field: 'file_name_2', filename: 'terms.txt', size: 2048 },
    ])
  })

  it('POST /sms/transactional (JSON) records an SMS send', async () => {
    const res = await sendJson(sb, '/sms/transactional', {
      ...AUTH,
      code: 'sms_one_time_code',
      phone: '+7 (900) 000-00-01',
      variables: { otp: '1234' },
    })
    expect(res.status).toBe(200)
    const code = (res.body as { code: string }).code
    expect(sb.state.main.sends.find((s) => s.code === code)).toMatchObject({
      endpoint: '/sms/transactional',
      phone: '79000000001',
      channels: ['sms'],
    })
    sb.setEnvelope('current')
    expect((await get(sb, `/notifications/${code}`, AUTH)).body).toMatchObject({
      payload: { message: { channel: 'sms' } },
    })
    sb.setEnvelope('legacy')
  })

  it('POST /subscriptions/manage (form) changes /subscriptions/check and logs the change', async () => {
    const c = sb.state.main.customers.find((x) => x.email && !x.subscriptions.email_chain)
    const email = c?.email ?? ''
    expect(
      (
        await postForm(sb, '/subscriptions/manage', {
          ...AUTH,
          email,
          email_chain: 'true',
          sms_bulk: 'false',
        })
      ).body,
    ).toEqual({ status: 'success' })
    expect((await get(sb, '/subscriptions/check', { ...AUTH, email })).body).toMatchObject({
      email_chain: true,
      sms_bulk: false,
    })
    const log = (await get(sb, '/subscriptions/changes', { ...AUTH, email, channel: 'api' })).body
    expect(log).toEqual([
      expect.objectContaining({
        contact: email,
        campaign_type: 'chain',
        event: 'subscribe',
        channel: 'api',
      }),
    ])
    expect(
      (
        await postForm(sb, '/subscriptions/manage', {
          ...AUTH,
          external_id: 'does-not-exist',
          email_bulk: 'true',
        })
      ).status,
    ).toBe(404)
  })
})
