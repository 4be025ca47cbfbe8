import { describe, expect, it } from 'vitest'
import { parseJsonLossless, quoteUnsafeIntegers } from '../../../src/main/api/json'

describe('parseJsonLossless', () => {
  it('keeps integers beyond 2^53 as exact digit strings', () => {
    expect(parseJsonLossless('{"client_id":1515915625535836508}')).toEqual({
      client_id: '1515915625535836508',
    })
    expect(parseJsonLossless('[-9007199254740993]')).toEqual(['-9007199254740993'])
  })

  it('leaves safe numbers, decimals, exponents and strings alone', () => {
    const text = '[9007199254740991, 1.5, 12345678901234567.5, 1e30]'
    // A fractional number is rounded either way; only integers have an exact form to keep.
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text))
    const s = '{"note":"id 1515915625535836508 and \\"1515915625535836508\\""}'
    expect(quoteUnsafeIntegers(s)).toBe(s)
  })
})
