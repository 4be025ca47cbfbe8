import { AppFailure, type AppError, type ErrorCode } from '../../shared/errors'
import { textFor } from './messages'

type Details = NonNullable<AppError['details']>

/** An AppFailure whose message is the marketer text for `code`, with the next step in details. */
export function apiFailure(code: ErrorCode, details: Details = {}): AppFailure {
  const { what, next } = textFor(code)
  return new AppFailure(code, `${what} ${next}`, { nextStep: next, ...details })
}

/** One error code per documented status (reference, "Errors"); others by class. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'API_BAD_REQUEST'
    case 401:
      return 'API_WRONG_SHOP_ID'
    case 403:
      return 'API_WRONG_SECRET'
    case 404:
      return 'API_NOT_FOUND'
    case 405:
      return 'API_METHOD_NOT_ALLOWED'
    case 406:
      return 'API_NOT_ACCEPTABLE'
    case 408:
      return 'TIMEOUT'
    case 429:
      return 'API_RATE_LIMITED'
    case 500:
      return 'API_SERVER_ERROR'
    case 502:
    case 503:
    case 504:
      return 'API_UNAVAILABLE'
  }
  if (status >= 500) return 'API_SERVER_ERROR'
  if (status >= 400) return 'API_BAD_REQUEST'
  return 'API_UNEXPECTED_RESPONSE'
}

/**
 * What a failed fetch tells us about whether the request reached the server:
 * - 'not-sent': no connection was ever made (refused, DNS): safe to resend anything.
 * - 'tls': the handshake failed, so nothing was sent, but resending will not help.
 * - 'maybe-sent': the connection broke after it was made: a write may have been applied.
 * - 'other': not a network error we recognise (a bug or an unexpected transport error).
 */
export type NetworkKind = 'not-sent' | 'tls' | 'maybe-sent' | 'other'

const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  // undici's connect timeout fires before the socket is connected.
  'UND_ERR_CONNECT_TIMEOUT',
  // Chromium (Electron net.fetch) names for the same situations.
  'ERR_CONNECTION_REFUSED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_NETWORK_CHANGED',
  'ERR_PROXY_CONNECTION_FAILED',
])

const MAYBE_SENT = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_CLOSED',
  'ERR_EMPTY_RESPONSE',
  'ERR_TIMED_OUT',
  'ERR_CONNECTION_ABORTED',
])

const TLS_CODE =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|ERR_CERT_|ERR_BAD_SSL|EPROTO$|HOSTNAME_MISMATCH)/

/** Finds the system/undici/Chromium error code in a fetch error (it hides in `cause`). */
export function networkErrorCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const rec = e as { code?: unknown; errors?: unknown; cause?: unknown; message?: unknown }
    if (typeof rec.code === 'string' && rec.code !== '') return rec.code
    // Happy-eyeballs connects fail with an AggregateError holding one error per address.
    if (Array.isArray(rec.errors)) {
      const inner = rec.errors.map(networkErrorCode).find((c) => c !== null)
      if (inner) return inner
    }
    // Electron's net.fetch reports "net::ERR_CONNECTION_REFUSED" in the message.
    if (typeof rec.message === 'string') {
      const m = /net::(ERR_[A-Z_]+)/.exec(rec.message)
      if (m?.[1]) return m[1]
    }
    e = rec.cause
  }
  return null
}

export function classifyNetworkError(err: unknown): { kind: NetworkKind; code: string | null } {
  const code = networkErrorCode(err)
  if (code === null) return { kind: 'other', code }
  if (NOT_SENT.has(code)) return { kind: 'not-sent', code }
  if (TLS_CODE.test(code)) return { kind: 'tls', code }
  if (MAYBE_SENT.has(code)) return { kind: 'maybe-sent', code }
  // An unrecognised code after fetch started: we cannot prove it was not sent.
  return { kind: 'maybe-sent', code }
}
