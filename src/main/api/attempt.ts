import type PQueue from 'p-queue'
import { classifyNetworkError, type NetworkKind } from './errors'
import { parseRetryAfter } from './retry'
import type { Transport } from './types'

/** What one HTTP attempt ended in, before any decision about retrying. */
export type AttemptResult =
  | {
      kind: 'response'
      status: number
      text: string
      bytes: number
      /** Parsed Retry-After, in ms from now; null when absent or garbage. */
      retryAfterMs: number | null
      /** The server's Date header (ms since epoch); null when absent or garbage. */
      serverTime: number | null
    }
  | { kind: 'network'; net: NetworkKind; code: string | null; message: string }
  /** Our per-attempt timeout fired (before or after the request went out: we cannot tell). */
  | { kind: 'timeout' }
  /** The user cancelled; inFlight = the request may already have reached the server. */
  | { kind: 'cancelled'; inFlight: boolean }

export interface AttemptInput {
  transport: Transport
  queue: PQueue
  url: string
  init: RequestInit
  timeoutMs: number
  signal?: AbortSignal
  /** Wall clock (ms since epoch) for HTTP-date Retry-After values. */
  wallClock: () => number
}

function serverTimeOf(header: string | null): number | null {
  const ms = header ? Date.parse(header) : NaN
  return Number.isFinite(ms) ? ms : null
}

function messageOf(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}

/** Runs one attempt inside the shop's queue, so concurrency and rate caps apply to retries too. */
export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { signal } = input
  if (signal?.aborted) return { kind: 'cancelled', inFlight: false }
  let started = false
  try {
    return await input.queue.add(
      () => {
        started = true
        return send(input)
      },
      signal ? { signal } : {},
    )
  } catch (err) {
    // p-queue rejects add() as soon as the signal fires, even for a running task, so
    // whether the request may have gone out is tracked here rather than inferred.
    if (signal?.aborted) return { kind: 'cancelled', inFlight: started }
    throw err
  }
}

async function send(input: AttemptInput): Promise<AttemptResult> {
  const { signal } = input
  if (signal?.aborted) return { kind: 'cancelled', inFlight: false }
  const timeout = AbortSignal.timeout(input.timeoutMs)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  try {
    const res = await input.transport(input.url, { ...input.init, signal: combined })
    // Read the body under the same signal: a stalled body is as bad as a stalled answer.
    const buf = new Uint8Array(await res.arrayBuffer())
    return {
      kind: 'response',
      status: res.status,
      text: new TextDecoder().decode(buf),
      bytes: buf.byteLength,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), input.wallClock()),
      serverTime: serverTimeOf(res.headers.get('date')),
    }
  } catch (err) {
    if (signal?.aborted) return { kind: 'cancelled', inFlight: true }
    if (timeout.aborted) return { kind: 'timeout' }
    const { kind, code } = classifyNetworkError(err)
    return { kind: 'network', net: kind, code, message: messageOf(err) }
  }
}
