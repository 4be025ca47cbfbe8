import { describe, expect, it } from 'vitest'
import { summariseParams } from '../../../src/main/services/activity/summarise'
import { SecretRegistry } from '../../../src/main/log/redact'

describe('summariseParams', () => {
  it('redacts secrets by key and by value, then summarises', () => {
    const secrets = new SecretRegistry()
    secrets.add('s3cr3t-value-999')
    const out = summariseParams(
      {
        shop_id: 'shop-1',
        shop_secret: 's3cr3t-value-999',
        note: 'sent with s3cr3t-value-999',
        audience: Array.from({ length: 1000 }, (_, i) => ({ email: `u${i}@x.io` })),
        codes: ['a', 'b'],
        variables: { mobile_token: 't', first: 'Ann' },
        long: 'x'.repeat(1000),
      },
      secrets,
    )
    expect(out).toEqual({
      shop_id: 'shop-1',
      shop_secret: '[redacted]',
      note: 'sent with [redacted]',
      audience: '[1000 items]',
      codes: ['a', 'b'],
      variables: { mobile_token: '[redacted]', first: 'Ann' },
      long: `${'x'.repeat(200)}… [1000 chars]`,
    })
    expect(JSON.stringify(out)).not.toContain('s3cr3t-value-999')
  })

  it('bounds depth', () => {
    const secrets = new SecretRegistry()
    const deep = { a: { b: { c: { d: { e: 1 } } } } }
    expect(summariseParams(deep, secrets)).toEqual({ a: { b: { c: { d: '[object]' } } } })
  })

  it('still redacts inside short arrays and a secret cut by the length limit', () => {
    const secrets = new SecretRegistry()
    const secret = 'k'.repeat(190) + 'SECRET-TAIL-1234'
    secrets.add(secret)
    const out = summariseParams(
      { rows: [{ token: 'abc', note: `id ${secret}` }], text: `${'y'.repeat(5)}${secret}` },
      secrets,
    )
    expect(out).toEqual({
      rows: [{ token: '[redacted]', note: 'id [redacted]' }],
      text: 'yyyyy[redacted]',
    })
    expect(JSON.stringify(out)).not.toContain('kkkkkkkkkk')
  })
})
