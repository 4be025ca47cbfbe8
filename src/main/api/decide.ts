import { keyedFailure, type AppFailure } from '../../shared/errors'
import { unknownShape } from './answer'
import type { AttemptResult } from './attempt'
import type { EndpointSpec } from './catalogue'
import { apiFailure } from './errors'
import { normaliseResponse } from './normalise'
import { retryDelay, type BackoffOptions } from './retry'
import type { CallOutcome } from './types'

export type Decision =
  | { action: 'done'; data: unknown }
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'fail'; failure: AppFailure; outcome: Exclude<CallOutcome, 'ok'> }

export interface DecideContext {
  spec: EndpointSpec
  /** 0-based index of the attempt that produced the result. */
  attempt: number
  maxRetries: number
  backoff: BackoffOptions
  /** A Retry-After longer than this is not waited out: the call fails as rate limited. */
  maxRetryAfterMs: number
  scrub: (text: string) => string
}

/** Statuses a read may simply ask again for; 429 is handled apart (every endpoint). */
const TRANSIENT = new Set([408, 500, 502, 503, 504])

/**
 * The retry policy in one place. Reads (idempotent) retry on 429, 5xx, timeouts and network
 * errors. Sends retry only when the server provably did not act on the request: it was never
 * sent (connection refused, DNS failure) or it was refused with 429. Anything else after a
 * send went out becomes OUTCOME_UNKNOWN and is never resent: a duplicate message to a
 * customer is worse than asking the marketer to check.
 */
export function decide(result: AttemptResult, ctx: DecideContext): Decision {
  const { spec } = ctx
  const canRetry = ctx.attempt < ctx.maxRetries
  const retry = (retryAfterMs: number | null, reason: string): Decision => ({
    action: 'retry',
    delayMs: retryDelay(ctx.attempt, retryAfterMs, ctx.backoff),
    reason,
  })

  switch (result.kind) {
    case 'cancelled':
      if (result.inFlight && !spec.idempotent) return unknown({ cancelled: true })
      return { action: 'fail', failure: apiFailure('CANCELLED'), outcome: 'cancelled' }

    case 'too-large': {
      // Never asked again: the same question would get the same answer. A send was
      // accepted, though, so whether it went out is unknown.
      const limitMb = Math.round(result.limitBytes / (1024 * 1024))
      const details = { status: result.status, limitMb }
      if (spec.idempotent)
        return fail(keyedFailure('API_UNEXPECTED_RESPONSE', 'answer-too-large', details))
      return {
        action: 'fail',
        failure: keyedFailure('API_UNEXPECTED_RESPONSE', 'answer-too-large', {
          ...details,
          mayHaveBeenProcessed: true,
        }),
        outcome: 'unknown',
      }
    }

    case 'timeout':
      if (!spec.idempotent) return unknown({ timedOut: true })
      if (canRetry) return retry(null, 'timeout')
      return fail(apiFailure('TIMEOUT'))

    case 'network': {
      const details = { networkCode: result.code, cause: ctx.scrub(result.message) }
      if (result.net === 'tls') return fail(apiFailure('TLS_ERROR', details))
      if (result.net === 'not-sent') {
        if (canRetry) return retry(null, result.code ?? 'network')
        return fail(apiFailure('NETWORK_UNREACHABLE', details))
      }
      if (!spec.idempotent) return unknown(details)
      if (canRetry && result.net === 'maybe-sent') return retry(null, result.code ?? 'network')
      return fail(apiFailure('NETWORK_UNREACHABLE', details))
    }

    case 'response': {
      const { status, retryAfterMs } = result
      const retryable = status === 429 || (spec.idempotent && TRANSIENT.has(status))
      if (retryable && canRetry) {
        if (retryAfterMs === null || retryAfterMs <= ctx.maxRetryAfterMs) {
          return retry(retryAfterMs, `HTTP ${status}`)
        }
      }
      const normalised = normaliseResponse({
        status,
        text: result.text,
        shape: spec.result,
        ...(spec.listKey !== undefined ? { listKey: spec.listKey } : {}),
        scrub: ctx.scrub,
      })
      if (normalised.ok) return { action: 'done', data: normalised.data }
      if (status >= 200 && status < 300 && isUnexpected(normalised.failure)) {
        // Accepted, but the answer is unreadable (empty, HTML, a shape we do not know).
        const { failure, outcome } = unknownShape(spec, normalised.failure.appError.details)
        return { action: 'fail', failure, outcome }
      }
      const failure = normalised.failure
      const extra: Record<string, string | number | boolean | null> = {}
      if (retryAfterMs !== null) extra.retryAfterSeconds = Math.ceil(retryAfterMs / 1000)
      // A send answered with 5xx may have been (partly) processed before the error.
      if (!spec.idempotent && status >= 500) extra.mayHaveBeenProcessed = true
      if (Object.keys(extra).length > 0 && failure.appError.details) {
        Object.assign(failure.appError.details, extra)
      }
      return fail(failure)
    }
  }
}

const isUnexpected = (failure: AppFailure): boolean =>
  failure.appError.code === 'API_UNEXPECTED_RESPONSE'

function fail(failure: AppFailure): Decision {
  return { action: 'fail', failure, outcome: 'error' }
}

function unknown(details: Record<string, string | number | boolean | null>): Decision {
  return { action: 'fail', failure: apiFailure('OUTCOME_UNKNOWN', details), outcome: 'unknown' }
}
