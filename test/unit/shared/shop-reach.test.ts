import { describe, expect, it } from 'vitest'
import { reachShownBy } from '../../../src/shared/shop-reach'

describe('what a call says about reaching the shop', () => {
  it('an answered call means the shop is reachable', () => {
    expect(reachShownBy({ outcome: 'ok' })).toBe('ok')
  })

  it('a wrong secret key or shop ID is a refusal, shown until a call succeeds', () => {
    expect(reachShownBy({ outcome: 'error', errorCode: 'API_WRONG_SECRET' })).toBe('refused')
    expect(reachShownBy({ outcome: 'error', errorCode: 'API_WRONG_SHOP_ID' })).toBe('refused')
  })

  it('no answer, a timeout or a 503 mean PersonaClick is out of reach', () => {
    for (const code of ['NETWORK_UNREACHABLE', 'TIMEOUT', 'TLS_ERROR', 'API_UNAVAILABLE'] as const)
      expect(reachShownBy({ outcome: 'error', errorCode: code })).toBe('unreachable')
  })

  it('failures of the request itself say nothing about the shop', () => {
    expect(reachShownBy({ outcome: 'error', errorCode: 'API_BAD_REQUEST' })).toBeNull()
    expect(reachShownBy({ outcome: 'error', errorCode: 'API_NOT_FOUND' })).toBeNull()
    expect(reachShownBy({ outcome: 'cancelled' })).toBeNull()
    expect(reachShownBy({ outcome: 'unknown', errorCode: 'OUTCOME_UNKNOWN' })).toBeNull()
  })
})
