/**
 * Public types of the Demo shop sandbox. Other code (the API client's contract tests,
 * the app shell) depends on exactly these shapes, so they live apart from the server.
 */
import type { SandboxClock } from './clock'
import type { SandboxState } from './data/state'

export type { SandboxState } from './data/state'

export interface SandboxShop {
  shopId: string
  secret: string
}

export type EnvelopeStyle = 'legacy' | 'current'

export interface FaultOptions {
  /** Added to every response. */
  latencyMs?: number
  /** 0..1 probability of 429 with Retry-After. */
  rate429?: number
  /** Value sent in Retry-After (default 1). */
  retryAfterSeconds?: number
  /** 0..1 probability of 500/503. */
  rate5xx?: number
  /** 0..1 probability of destroying the socket without answering. */
  dropRate?: number
  /** When dropping: true = apply the write first then drop ("reached server, response lost"). */
  dropAfterProcessing?: boolean
  /** Beyond this many requests/second per shop: 429. */
  hardRateLimitPerSecond?: number
  /**
   * Process the request, then answer 200 with valid JSON of a shape no endpoint documents
   * (the API changed under us). 'reads' = GET, 'writes' = everything else, or route paths
   * as they are declared ('/nps/reviews', '/notifications/:code').
   */
  wrongShape?: WrongShapeTarget
}

export type WrongShapeTarget = 'all' | 'reads' | 'writes' | readonly string[]

/** 'header' = X-Shop-Secret (documented for /subscriptions/check and /changes only). */
export type SecretPlacement = 'query' | 'body' | 'form' | 'header' | 'none'

export interface JournalEntry {
  seq: number
  time: string
  method: string
  path: string
  query: Record<string, unknown>
  contentType: string | null
  body: unknown
  files?: { field: string; filename: string; size: number }[]
  status: number
  shopId: string | null
  fault?: 'drop' | '429' | '5xx' | 'rate-limit' | 'shape' | null
  /** Where shop_secret travelled; when sent twice, query wins (the leak tests look for). */
  secretPlacement: SecretPlacement
}

export interface SandboxOptions {
  /** 0 = random port. */
  port?: number
  /** Data seed, default 46. */
  seed?: number
  /** Default 'legacy'. */
  envelope?: EnvelopeStyle
  faults?: FaultOptions
  /** Default [DEMO_SHOP]. */
  shops?: SandboxShop[]
  /** Seed of the fault RNG so fault sequences are reproducible. */
  faultSeed?: number
  /** Promo-code stock goes down over time, as campaigns hand codes out (the Demo shop). */
  promoDrain?: boolean
  /**
   * Addition to the agreed API: the instant the demo data is generated around (NPS reviews
   * over the 12 months before it, message history, change log). Default: now, to the minute.
   */
  now?: Date | string
  /**
   * Addition to the agreed API: what product counters move with (`Sandbox.clock`). Default
   * 'frozen' when `now` is given (it starts there and moves only when a test advances it),
   * otherwise 'wall' (it follows real time).
   */
  clock?: 'frozen' | 'wall'
}

export interface SandboxJournal {
  entries(): JournalEntry[]
  clear(): void
  count(filter?: Partial<Pick<JournalEntry, 'method' | 'path'>>): number
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT */
  url: string
  port: number
  journal: SandboxJournal
  setFaults(f: FaultOptions): void
  setEnvelope(e: EnvelopeStyle): void
  /** Product counters move with it; every answer's Date header tells it. Tests advance it. */
  clock: SandboxClock
  /** The in-memory data, readable (and mutable) by tests. */
  state: SandboxState
  close(): Promise<void>
}
