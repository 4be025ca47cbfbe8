import { describe, expect, it } from 'vitest'
import { REDACTED, SecretRegistry } from '../../../src/main/log/redact'

describe('redaction at the source', () => {
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
