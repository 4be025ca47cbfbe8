import { describe, expect, it } from 'vitest'
import { REDACTED, SecretRegistry } from '../../../src/main/log/redact'

describe('redaction at the source', () => {
  it('scrubs a secret in every encoded spelling, and forgets them all on delete', () => {
    const secrets = new SecretRegistry()
    const secret = 'a/b+c=d&e%f g"h'
    secrets.add(secret)
    const echoed = [
      secret,
      'a%2Fb%2Bc%3Dd%26e%25f%20g%22h',
      'a%2Fb%2Bc%3Dd%26e%25f+g%22h',
      'a%2fb%2bc%3dd%26e%25f+g%22h',
      'a/b+c=d&e%f g\\"h',
      'a\\/b+c=d&e%f g\\"h',
    ]
    for (const form of echoed) {
      expect(secrets.scrubText(`GET /x?shop_secret=${form} HTTP/1.1`)).toBe(
        `GET /x?shop_secret=${REDACTED} HTTP/1.1`,
      )
    }
    secrets.delete(secret)
    expect(secrets.scrubText(echoed[1]!)).toBe(echoed[1])
  })

  it('masks secret-looking keys and registered values anywhere in a structure', () => {
    const secrets = new SecretRegistry()
    secrets.add('s3cr3t-value-123')
    const out = secrets.redact({
      shop_secret: 'anything',
      nested: { note: 'error while using s3cr3t-value-123 for shop' },
      list: ['s3cr3t-value-123'],
      Authorization: 'Bearer x',
      shop_id: 'abc',
    })
    expect(out).toEqual({
      shop_secret: REDACTED,
      nested: { note: `error while using ${REDACTED} for shop` },
      list: [REDACTED],
      Authorization: REDACTED,
      shop_id: 'abc',
    })
    expect(JSON.stringify(out)).not.toContain('s3cr3t-value-123')
  })
})
