import { describe, expect, it } from 'vitest'
import { classifyNetworkError, codeForStatus, networkErrorCode } from '../../../src/main/api/errors'

/** The shape Node's fetch throws: TypeError('fetch failed') with the system error as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}
function sysError(code: string): Error {
  return Object.assign(new Error(`${code} happened`), { code })
}

describe('codeForStatus', () => {
  it('maps other statuses by class', () => {
    expect(codeForStatus(422)).toBe('API_BAD_REQUEST')
    expect(codeForStatus(502)).toBe('API_UNAVAILABLE')
    expect(codeForStatus(504)).toBe('API_UNAVAILABLE')
    expect(codeForStatus(599)).toBe('API_SERVER_ERROR')
    expect(codeForStatus(302)).toBe('API_UNEXPECTED_RESPONSE')
  })
})

describe('classifyNetworkError', () => {
  it.each([
    ['ECONNREFUSED', 'not-sent'],
    ['ENOTFOUND', 'not-sent'],
    ['EAI_AGAIN', 'not-sent'],
    ['UND_ERR_CONNECT_TIMEOUT', 'not-sent'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNRESET', 'maybe-sent'],
    ['UND_ERR_SOCKET', 'maybe-sent'],
    ['UND_ERR_HEADERS_TIMEOUT', 'maybe-sent'],
    ['SOMETHING_NEW', 'maybe-sent'],
  ])('%s -> %s', (code, kind) => {
    expect(classifyNetworkError(fetchFailed(sysError(code)))).toEqual({ kind, code })
  })

  it('looks inside AggregateError (happy eyeballs) and Electron net:: messages', () => {
    const agg = Object.assign(new AggregateError([sysError('ECONNREFUSED')], 'x'), {})
    expect(networkErrorCode(fetchFailed(agg))).toBe('ECONNREFUSED')
    expect(classifyNetworkError(new Error('net::ERR_CONNECTION_REFUSED'))).toEqual({
      kind: 'not-sent',
      code: 'ERR_CONNECTION_REFUSED',
    })
    expect(classifyNetworkError(new Error('net::ERR_CERT_AUTHORITY_INVALID')).kind).toBe('tls')
    expect(classifyNetworkError(new Error('net::ERR_CONNECTION_RESET')).kind).toBe('maybe-sent')
  })

  it('says "other" when there is no code at all', () => {
    expect(classifyNetworkError(new Error('boom'))).toEqual({ kind: 'other', code: null })
    expect(classifyNetworkError('weird')).toEqual({ kind: 'other', code: null })
  })
})
