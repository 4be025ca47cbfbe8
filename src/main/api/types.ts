import type { ActivityRecord } from '../../shared/activity'
import type { EndpointName } from './catalogue'

/** Electron's `net.fetch` in the app, Node's global fetch in the browser host and tests. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>

/**
 * Which shop a call is for. Services say only this; the client resolves the credentials
 * (through the shops service) so no service ever holds a secret. A job passes its own
 * profile id, so switching the active shop never redirects a running job.
 */
export type ShopRef = 'active' | { profileId: string }

/**
 * Turns a ShopRef into credentials; throws a keyed failure when there is no such shop, or no
 * secret while `needsSecret` (the default). A public endpoint (catalogue `secret: 'none'`)
 * asks without it: the shop may have no stored secret, and the secret is '' then.
 */
export type CredentialResolver = (shop: ShopRef, needsSecret?: boolean) => ShopCredentials

/** The credentials of one shop; the secret never leaves the client in any output. */
export interface ShopCredentials {
  profileId: string
  /** e.g. https://api.personaclick.com (http only on loopback, for the Demo shop). */
  apiHost: string
  shopId: string
  secret: string
}

/** A file attached to a multipart request (only /transact accepts them). */
export interface ApiFile {
  /** Form field name, e.g. "file_name". */
  field: string
  filename: string
  data: Blob | Uint8Array
  contentType?: string
}

export type ApiParams = Record<string, unknown>

export interface CallOptions {
  /** The user's cancel button. */
  signal?: AbortSignal
  files?: readonly ApiFile[]
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number
  /** Overrides the client's deadline for the whole call, retries and waits included. */
  deadlineMs?: number
  /** Overrides the client's retry count (0: exactly one attempt). */
  maxRetries?: number
}

export interface ApiResult<T = unknown> {
  /** The normalised payload: object, array, boolean or null (for 'ack' endpoints). */
  data: T
  status: number
  retries: number
  durationMs: number
  /**
   * The instant the answer describes, by the server's clock (its Date header); null when it
   * sent none. Counters "for the last 24 hours" are as of this instant.
   */
  serverTime: number | null
}

export type { CallOutcome } from '../../shared/activity'

/** What the client reports for every call (the activity log adds the id). */
export interface ApiCallRecord extends Omit<ActivityRecord, 'id' | 'endpoint'> {
  endpoint: EndpointName
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>
