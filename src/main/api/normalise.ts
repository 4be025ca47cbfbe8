import type { AppFailure } from '../../shared/errors'
import { answerExcerpt } from './answer'
import type { ResultShape } from './catalogue'
import { apiFailure, codeForStatus } from './errors'
import { parseJsonLossless } from './json'

/**
 * Turns whatever PersonaClick answered into either data of the shape the endpoint promises
 * or a typed failure. The API mixes envelopes across (and within) endpoints:
 *   {"status":"success"}                      {"status":"error","message":"…"}
 *   {"status":"error","payload":{"message"}}  {"success":true|false,"payload":…}
 *   {"status":"success","data":…}             bare arrays, `payload`-wrapped arrays
 *   plain true / false                        empty bodies, HTML error pages
 * so callers never look at envelopes themselves.
 */

export type Body =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'text'; text: string }

export function parseBody(text: string): Body {
  if (text.trim() === '') return { kind: 'empty' }
  try {
    return { kind: 'json', value: parseJsonLossless(text) }
  } catch {
    // Not JSON (an HTML error page from a proxy, say): the caller decides what that means.
    return { kind: 'text', text }
  }
}

export type Envelope = { ok: true; data: unknown } | { ok: false; message: string | null }

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The API's own error text, wherever this envelope keeps it. */
export function errorMessageOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (!isRecord(value)) return null
  for (const key of ['message', 'error', 'errors', 'description']) {
    const v = value[key]
    if (typeof v === 'string' && v !== '') return v
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('; ')
  }
  return isRecord(value.payload) ? errorMessageOf(value.payload) : null
}

/**
 * A bare `{"error": …}` (or `errors`) with no status or success marker: no envelope we know,
 * but PersonaClick's own text saying it did not do the work, whatever the HTTP status said.
 */
export function bareErrorOf(value: unknown): string | null {
  if (!isRecord(value) || 'status' in value || 'success' in value) return null
  if (!('error' in value) && !('errors' in value)) return null
  const nested = isRecord(value.error) ? errorMessageOf(value.error) : null
  return nested ?? errorMessageOf({ error: value.error, errors: value.errors })
}

/** Strips the envelope; success data is `payload`, else `data`, else the rest of the object. */
export function readEnvelope(value: unknown): Envelope {
  if (!isRecord(value)) return { ok: true, data: value }
  const status = value.status
  if (status === 'error' || status === 'fail' || value.success === false) {
    return { ok: false, message: errorMessageOf(value) }
  }
  const wrapped = typeof value.success === 'boolean' || typeof status === 'string'
  if (!wrapped) return { ok: true, data: value }
  if ('payload' in value) return { ok: true, data: value.payload }
  if ('data' in value) return { ok: true, data: value.data }
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (k !== 'status' && k !== 'success') rest[k] = v
  return { ok: true, data: rest }
}

/** The single property of `obj` whose value passes `test`, if there is exactly one. */
function soleProperty(obj: Record<string, unknown>, test: (v: unknown) => boolean): unknown {
  const hits = Object.values(obj).filter(test)
  return hits.length === 1 ? hits[0] : undefined
}

/** Checks (and unwraps) data against the endpoint's result shape; undefined = mismatch. */
export function shapeData(
  data: unknown,
  shape: ResultShape,
  listKey?: string,
): { data: unknown } | undefined {
  switch (shape) {
    case 'ack':
      // A confirmation: nothing, `true` or an object ({status:'success'} stripped to {}).
      // `false` is a refusal; a bare list, number or string is not a confirmation we know.
      if (isRecord(data)) return { data: Object.keys(data).length > 0 ? data : null }
      return data === null || data === true ? { data: null } : undefined
    case 'object':
      return isRecord(data) ? { data } : undefined
    case 'list': {
      if (Array.isArray(data)) return { data }
      if (!isRecord(data)) return undefined
      const keyed = listKey !== undefined ? data[listKey] : undefined
      const list = Array.isArray(keyed) ? keyed : soleProperty(data, Array.isArray)
      return list === undefined ? undefined : { data: list }
    }
    case 'raw':
      return { data }
    case 'boolean': {
      if (typeof data === 'boolean') return { data }
      if (data === 'true' || data === 'false') return { data: data === 'true' }
      if (!isRecord(data)) return undefined
      const keyed = listKey !== undefined ? data[listKey] : undefined
      const flag =
        typeof keyed === 'boolean' ? keyed : soleProperty(data, (v) => typeof v === 'boolean')
      return flag === undefined ? undefined : { data: flag }
    }
  }
}

/** A short, tag-free, secret-free excerpt of a non-JSON body for error details. */
export function textExcerpt(text: string, scrub: (s: string) => string, max = 200): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = plain.length > max ? `${plain.slice(0, max)}…` : plain
  return scrub(cut)
}

/** A raw text answer is a status word or two; more is kept only as an excerpt. */
const RAW_TEXT_MAX = 2_000

export interface NormaliseInput {
  status: number
  text: string
  shape: ResultShape
  listKey?: string
  /** Removes registered secrets from any text that may end up in details. */
  scrub: (text: string) => string
}

export type Normalised = { ok: true; data: unknown } | { ok: false; failure: AppFailure }

export function normaliseResponse(input: NormaliseInput): Normalised {
  const { status, shape, scrub } = input
  const body = parseBody(input.text)
  const success = status >= 200 && status < 300

  if (!success) {
    const apiMessage =
      body.kind === 'json'
        ? errorMessageOf(body.value)
        : body.kind === 'text'
          ? textExcerpt(body.text, scrub)
          : null
    return {
      ok: false,
      failure: apiFailure(codeForStatus(status), {
        status,
        apiMessage: apiMessage === null ? null : scrub(apiMessage),
      }),
    }
  }

  if (shape === 'raw') {
    if (body.kind === 'empty') return { ok: true, data: '' }
    if (body.kind === 'text') return { ok: true, data: body.text.slice(0, RAW_TEXT_MAX) }
  }
  if (body.kind === 'empty') {
    if (shape === 'ack') return { ok: true, data: null }
    return unexpected(status, 'The answer was empty.')
  }
  if (body.kind === 'text') return unexpected(status, textExcerpt(body.text, scrub))

  const bare = bareErrorOf(body.value)
  // Not a documented refusal, so not known to be one: for a send the outcome is unknown
  // (decide.ts), for anything else a failure; either way with PersonaClick's words.
  if (bare !== null) return unexpected(status, scrub(bare), { bareError: true })
  const envelope = readEnvelope(body.value)
  if (!envelope.ok) {
    // A 200 carrying an error envelope: the API refused the request without a 4xx.
    return {
      ok: false,
      failure: apiFailure('API_BAD_REQUEST', {
        status,
        apiMessage: envelope.message === null ? null : scrub(envelope.message),
      }),
    }
  }
  if (shape === 'raw') return { ok: true, data: body.value }
  const shaped = shapeData(envelope.data, shape, input.listKey)
  if (shaped === undefined) {
    if (shape === 'ack' && envelope.data === false) {
      return { ok: false, failure: apiFailure('API_BAD_REQUEST', { status, apiMessage: null }) }
    }
    return {
      ok: false,
      failure: apiFailure('API_UNEXPECTED_RESPONSE', {
        status,
        excerpt: answerExcerpt(body.value, scrub),
        issue: `Expected ${shape === 'ack' ? 'a confirmation' : `a ${shape}`}.`,
      }),
    }
  }
  return { ok: true, data: shaped.data }
}

function unexpected(
  status: number,
  apiMessage: string,
  extra: { bareError?: true } = {},
): Normalised {
  return {
    ok: false,
    failure: apiFailure('API_UNEXPECTED_RESPONSE', { status, apiMessage, ...extra }),
  }
}
