import { describe, expect, it } from 'vitest'
import { catalogue, endpointNames, isEndpointName } from '../../../src/main/api/catalogue'

describe('catalogue', () => {
  it('lists every endpoint the console uses, once', () => {
    const paths = endpointNames.map((n) => `${catalogue[n].method} ${catalogue[n].path}`)
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths.sort()).toEqual(
      [
        'POST /import/audience',
        'POST /import/suppressed',
        'POST /segments/add',
        'POST /segments/remove',
        'GET /segments/get',
        'GET /segments/includes',
        'GET /promo_codes',
        'POST /promo_codes',
        'DELETE /promo_codes/purge',
        'DELETE /promo_codes/delete',
        'GET /notifications',
        'GET /notifications/:code',
        'GET /nps/reviews',
        'GET /nps/categories',
        'GET /nps/channels',
        'POST /transact',
        'POST /sms/transactional',
        'GET /products/get',
        'GET /products/counters',
        'GET /products/categories',
        'GET /products/not_widgetable',
        'GET /products/subscribers/stock',
        'GET /products/subscribers/price',
        'GET /profile',
        'GET /subscriptions/check',
        'GET /subscriptions/changes',
        'POST /subscriptions/manage',
        'GET /search/no_result_queries',
      ].sort(),
    )
  })

  it('marks only the sends as unsafe to retry', () => {
    const unsafe = endpointNames.filter((n) => !catalogue[n].idempotent)
    expect(unsafe.sort()).toEqual(['sms.transactional', 'transact'])
  })

  it('never puts the secret in the URL of an endpoint with a body', () => {
    for (const n of endpointNames) {
      const spec = catalogue[n]
      if (spec.method !== 'GET') expect(spec.secret).toBe('body')
      if (spec.encoding === 'query') expect(spec.secret).not.toBe('body')
    }
  })

  it('recognises its names', () => {
    expect(isEndpointName('transact')).toBe(true)
    expect(isEndpointName('toString')).toBe(false)
  })
})
