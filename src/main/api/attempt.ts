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
  /** A successful status whose answer ran past the endpoint's size cap (read no further). */
  | { kind: 'too-large'; status: number; limitBytes: number }
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
  /** The most of an answer this endpoint reads; more is never buffered. */
  maxBytes: number
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
    const body = await readCapped(res, input.maxBytes)
    // An error status keeps what was read: its first bytes are enough to say what went wrong.
    if (!body.complete && res.ok) {
      return { kind: 'too-large', status: res.status, limitBytes: input.maxBytes }
    }
    return {
      kind: 'response',
      status: res.status,
      text: new TextDecoder().decode(body.bytes),
      bytes: body.bytes.byteLength,
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

/**
 * Streams the body up to `max` bytes and stops there (the rest is never downloaded or held):
 * a runaway answer costs at most one cap's worth of memory, once.
 */
async function readCapped(
  res: Response,
  max: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > max || !res.body) {
    await res.body?.cancel().catch(() => undefined)
    return { bytes: new Uint8Array(0), complete: !res.body }
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (size + value.byteLength > max) {
      await reader.cancel().catch(() => undefined)
      return { bytes: Buffer.concat(chunks, size), complete: false }
    }
    chunks.push(value)
    size += value.byteLength
  }
  return { bytes: Buffer.concat(chunks, size), complete: true }
}
