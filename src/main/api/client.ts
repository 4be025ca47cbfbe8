import PQueue from 'p-queue'
import { AppFailure } from '../../shared/errors'
import { summariseParams, unlogged } from '../services/activity/summarise'
import type { Logger } from '../log/logger'
import type { SecretRegistry } from '../log/redact'
import { runAttempt } from './attempt'
import { checkAnswer } from './answer'
import {
  DEFAULT_MAX_ANSWER_BYTES,
  endpointSpec,
  type EndpointAnswer,
  type EndpointName,
} from './catalogue'
import { decide, type Decision } from './decide'
import { apiFailure } from './errors'
import { buildRequest, type BuiltRequest } from './request'
import { defaultSleep } from './retry'
import type {
  ApiCallRecord,
  ApiParams,
  ApiResult,
  CallOptions,
  CallOutcome,
  CredentialResolver,
  ShopCredentials,
  ShopRef,
  Sleep,
  Transport,
} from './types'

export interface ApiClientOptions {
  transport: Transport
  /** The one place credentials come from: the shops service in the app. */
  credentials: CredentialResolver
  /** Every shop secret is registered here before its first use. */
  secrets: SecretRegistry
  logger?: Logger
  /** Called once per call (not per attempt) with a redacted record; see activity/wire.ts. */
  onCall?: (record: ApiCallRecord) => void
  /** Per attempt. Default 30 s. */
  timeoutMs?: number
  /**
   * Per call, every attempt and wait included: the longest a marketer is kept waiting
   * before a clear failure. Default 2 minutes.
   */
  deadlineMs?: number
  /** Overrides every endpoint's answer size cap (tests). */
  maxAnswerBytes?: number
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number
  /**
   * Requests in flight per shop, across every job and screen. Default 16: an upload's
   * batches (up to 8) or a bulk send's paced, overlapping requests hide a far API's round
   * trip, with room for a slow spell (20/s at 400 ms per answer needs eight).
   */
  concurrency?: number
  /** Optional cap on requests started per second, per shop (retries included). */
  rps?: number
  /** Backoff base and ceiling for full-jitter exponential delays. Defaults 500 ms / 20 s. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** A Retry-After longer than this fails the call instead of blocking it. Default 60 s. */
  maxRetryAfterMs?: number
  /** Injected for deterministic tests. */
  sleep?: Sleep
  random?: () => number
  /** Monotonic ms for durations. Default performance.now. */
  now?: () => number
  /** Wall clock ms for timestamps and HTTP-date Retry-After. Default Date.now. */
  wallClock?: () => number
}

export interface ApiClient {
  /**
   * Resolves to the endpoint's parsed answer (its schema in answers.ts), or throws
   * AppFailure. `shop` says which shop; the client looks up its credentials itself.
   */
  call<E extends EndpointName>(
    endpoint: E,
    shop: ShopRef,
    params?: ApiParams,
    options?: CallOptions,
  ): Promise<ApiResult<EndpointAnswer<E>>>
  /** Drops a profile's queues (after its shop settings change or it is deleted). */
  forget(profileId: string): void
}

/** The default cap on one shop's requests in flight (jobs size their own concurrency to it). */
export const SHOP_CONCURRENCY = 16

function queueOptions(concurrency: number, rps: number | undefined) {
  if (rps === undefined || rps <= 0) return { concurrency }
  // Evenly spaced starts (one per 1/rps s) rather than bursts of N per second: a burst at
  // the edge of our window can land inside the server's window with the previous burst.
  return { concurrency, intervalCap: 1, interval: Math.ceil(1000 / rps), strict: true }
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const timeoutMs = opts.timeoutMs ?? 30_000
  const deadlineMs = opts.deadlineMs ?? 120_000
  const sleep = opts.sleep ?? defaultSleep
  const now = opts.now ?? (() => performance.now())
  const wallClock = opts.wallClock ?? Date.now
  const backoff = {
    baseDelayMs: opts.baseDelayMs ?? 500,
    maxDelayMs: opts.maxDelayMs ?? 20_000,
    random: opts.random ?? Math.random,
  }
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000
  const scrub = (text: string): string => opts.secrets.scrubText(text)
  const queues = new Map<string, PQueue>()
  const log = opts.logger?.scope('api')

  const queueFor = (shop: ShopCredentials): PQueue => {
    const key = JSON.stringify([shop.profileId, shop.apiHost, shop.shopId])
    let q = queues.get(key)
    if (!q) {
      q = new PQueue(queueOptions(opts.concurrency ?? SHOP_CONCURRENCY, opts.rps))
      queues.set(key, q)
    }
    return q
  }

  const emit = (record: ApiCallRecord): void => {
    if (!opts.onCall) return
    try {
      opts.onCall(record)
    } catch (err) {
      // The activity log failing must not turn a successful call into a failed one.
      log?.warn('activity hook failed', { error: err })
    }
  }

  async function call<E extends EndpointName>(
    endpoint: E,
    ref: ShopRef,
    params: ApiParams = {},
    options: CallOptions = {},
  ): Promise<ApiResult<EndpointAnswer<E>>> {
    const spec = endpointSpec(endpoint)
    // No shop (or no secret, where the endpoint takes one) fails here, before a record:
    // nothing was attempted. A public endpoint works without a stored secret.
    const shop = opts.credentials(ref, spec.secret !== 'none')
    if (shop.secret) opts.secrets.add(shop.secret)
    const started = now()
    const record: ApiCallRecord = {
      time: new Date(wallClock()).toISOString(),
      profileId: shop.profileId,
      shopId: shop.shopId,
      method: spec.method,
      path: spec.path,
      endpoint,
      status: null,
      outcome: 'error',
      durationMs: 0,
      bytes: 0,
      retries: 0,
      params: summariseParams(unlogged(spec, { ...params, shop_id: shop.shopId }), opts.secrets),
    }
    const finish = (outcome: CallOutcome, failure?: AppFailure): void => {
      record.outcome = outcome
      record.durationMs = Math.round(now() - started)
      if (failure) record.errorCode = failure.appError.code
      emit(record)
    }

    let built: BuiltRequest
    try {
      built = buildRequest(spec, shop, params, options.files)
    } catch (err) {
      const failure = err instanceof AppFailure ? err : apiFailure('INVALID_INPUT')
      finish('error', failure)
      throw failure
    }
    record.path = built.path
    record.params = summariseParams(unlogged(spec, built.shownParams), opts.secrets)
    const queue = queueFor(shop)
    const maxRetries = options.maxRetries ?? opts.maxRetries ?? 3
    const deadlineAt = started + (options.deadlineMs ?? deadlineMs)

    for (let attempt = 0; ; attempt++) {
      const result = await runAttempt({
        transport: opts.transport,
        queue,
        url: built.url,
        init: built.init,
        // No attempt outlives the call's deadline.
        timeoutMs: Math.max(
          1,
          Math.ceil(Math.min(options.timeoutMs ?? timeoutMs, deadlineAt - now())),
        ),
        maxBytes: opts.maxAnswerBytes ?? spec.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
        ...(options.signal ? { signal: options.signal } : {}),
        wallClock,
      })
      // An API that echoes the secret back must not hand it to the caller or the renderer.
      if (result.kind === 'response') result.text = scrub(result.text)
      // The record describes the last attempt: no answer means no status.
      record.status = 'status' in result ? result.status : null
      record.bytes =
        result.kind === 'response'
          ? result.bytes
          : result.kind === 'too-large'
            ? result.limitBytes
            : 0
      const context = { spec, attempt, maxRetries, backoff, maxRetryAfterMs, scrub }
      let decision: Decision = decide(result, context)
      // No time left for the wait and another attempt: this one was the last.
      if (decision.action === 'retry' && now() + decision.delayMs >= deadlineAt) {
        decision = decide(result, { ...context, maxRetries: attempt })
      }
      if (decision.action === 'done') {
        const answer = checkAnswer(spec, record.status ?? 0, decision.data, scrub)
        if (answer.ok) {
          finish('ok')
          return {
            // The schema of `endpoint` produced it, so it has that schema's output type.
            data: answer.data as EndpointAnswer<E>,
            status: record.status ?? 0,
            retries: record.retries,
            durationMs: record.durationMs,
            serverTime: result.kind === 'response' ? result.serverTime : null,
          }
        }
        decision = { action: 'fail', failure: answer.failure, outcome: answer.outcome }
      }
      if (decision.action === 'fail') {
        const details = decision.failure.appError.details
        if (details) Object.assign(details, { endpoint, retries: record.retries })
        finish(decision.outcome, decision.failure)
        throw decision.failure
      }
      log?.info('retrying', { endpoint, path: built.path, reason: decision.reason, attempt })
      try {
        await sleep(decision.delayMs, options.signal)
      } catch {
        // Only the user's cancel interrupts a backoff wait; nothing is in flight then.
        const failure = apiFailure('CANCELLED', { endpoint, retries: record.retries })
        finish('cancelled', failure)
        throw failure
      }
      record.retries += 1
    }
  }

  return {
    call,
    forget(profileId) {
      for (const key of [...queues.keys()]) {
        if ((JSON.parse(key) as string[])[0] === profileId) queues.delete(key)
      }
    },
  }
}
