import { describe, expect, it } from 'vitest'
import { catalogue } from '../../../src/main/api/catalogue'
import { baseUrl, buildRequest } from '../../../src/main/api/request'
import { AppFailure } from '../../../src/shared/errors'

const shop = {
  profileId: 'p1',
  apiHost: 'https://api.example.com',
  shopId: 'shop-1',
  secret: 'sekret-123456',
}

describe('buildRequest', () => {
  it('GET: everything in the query string, booleans and lists as text', () => {
    const r = buildRequest(catalogue['notifications.list'], shop, {
      email: 'a@b.c',
      date_from: '2025-01-01',
      type: ['trigger', 'transactional'],
      channel: 'email',
      page: 2,
      unused: undefined,
    })
    const url = new URL(r.url)
    expect(url.pathname).toBe('/notifications')
    expect(url.searchParams.get('shop_id')).toBe('shop-1')
    expect(url.searchParams.get('shop_secret')).toBe('sekret-123456')
    expect(url.searchParams.get('type')).toBe('trigger,transactional')
    expect(url.searchParams.get('page')).toBe('2')
    expect(url.searchParams.has('unused')).toBe(false)
    expect(r.init.method).toBe('GET')
    expect(r.init.body).toBeUndefined()
    expect(r.shownParams.shop_secret).toBe('[redacted]')
  })

  it('form: urlencoded body with the secret, never in the URL', () => {
    const r = buildRequest(catalogue['segments.add'], shop, { email: 'a@b.c', segment_id: 7 })
    expect(r.url).toBe('https://api.example.com/segments/add')
    expect(new Headers(r.init.headers).get('content-type')).toBe(
      'application/x-www-form-urlencoded',
    )
    const body = new URLSearchParams(String(r.init.body))
    expect(body.get('shop_secret')).toBe('sekret-123456')
    expect(body.get('segment_id')).toBe('7')
  })

  it('json: body with shop_id and shop_secret; caller cannot override them', () => {
    const r = buildRequest(catalogue['promoCodes.purge'], shop, {
      id: 5,
      shop_id: 'evil',
      shop_secret: 'x',
    })
    expect(r.init.method).toBe('DELETE')
    expect(JSON.parse(String(r.init.body))).toEqual({
      shop_id: 'shop-1',
      shop_secret: 'sekret-123456',
      id: 5,
    })
    expect(r.url).not.toContain('sekret')
  })

  it('header: X-Shop-Secret keeps the secret out of the URL', () => {
    const r = buildRequest(catalogue['subscriptions.check'], shop, { email: 'a@b.c' })
    expect(r.url).not.toContain('sekret')
    expect(new Headers(r.init.headers).get('x-shop-secret')).toBe('sekret-123456')
  })

  it("'none': the secret is not sent at all", () => {
    const r = buildRequest(catalogue['products.get'], shop, { item_id: 'X' })
    expect(r.url).not.toContain('sekret')
    expect(new Headers(r.init.headers).has('x-shop-secret')).toBe(false)
    expect(r.shownParams).toEqual({ shop_id: 'shop-1', item_id: 'X' })
  })

  it('fills path parameters', () => {
    const r = buildRequest(catalogue['notifications.status'], shop, { code: 'a/b c' })
    expect(new URL(r.url).pathname).toBe('/notifications/a%2Fb%20c')
    expect(r.path).toBe('/notifications/a%2Fb%20c')
  })

  it('multipart when files are attached to /transact, variables as variables[KEY]', async () => {
    const r = buildRequest(
      catalogue.transact,
      shop,
      { code: 'ORDER', email: 'a@b.c', variables: { name: 'Ann' } },
      [{ field: 'file_name', filename: 'a.pdf', data: new Uint8Array([1, 2, 3]) }],
    )
    const form = r.init.body as FormData
    expect(form.get('variables[name]')).toBe('Ann')
    expect(form.get('shop_secret')).toBe('sekret-123456')
    const file = form.get('file_name') as File
    expect(file.name).toBe('a.pdf')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
    expect(r.shownParams.files).toEqual([{ field: 'file_name', filename: 'a.pdf', size: 3 }])
  })

  it('refuses missing required parameters before sending', () => {
    expect(() => buildRequest(catalogue.transact, shop, { code: 'X' })).toThrow(AppFailure)
    try {
      buildRequest(catalogue['segments.add'], shop, {})
    } catch (err) {
      expect((err as AppFailure).appError.code).toBe('INVALID_INPUT')
      expect((err as AppFailure).appError.details?.missing).toBe('segment_id, email or phone')
    }
  })
})

describe('baseUrl', () => {
  it('allows https anywhere and http on loopback only', () => {
    expect(baseUrl('https://api.personaclick.com').toString()).toBe('https://api.personaclick.com/')
    expect(baseUrl('http://127.0.0.1:4000').toString()).toBe('http://127.0.0.1:4000/')
    expect(() => baseUrl('http://api.personaclick.com')).toThrow(AppFailure)
    expect(() => baseUrl('ftp://x')).toThrow(AppFailure)
    expect(() => baseUrl('not a url sekret-123456')).toThrow(/not a valid address/)
  })
})
