import { badRequest } from './errors'

/** Request parameters after merging query string and body, as the real (Rails) API does. */
export type Params = Record<string, unknown>

/** A non-empty string value, or undefined. Numbers from JSON bodies are accepted as strings. */
export function str(params: Params, name: string): string | undefined {
  const v = params[name]
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  return t === '' ? undefined : t
}

export function requireStr(params: Params, name: string): string {
  const v = str(params, name)
  if (v === undefined) throw badRequest(`Missing required parameter: ${name}`)
  return v
}

/** For the "true*" columns of the reference: at least one of these identifiers. */
export function requireOneOf(params: Params, names: readonly string[]): void {
  if (!names.some((n) => str(params, n) !== undefined)) {
    throw badRequest(`One of these parameters is required: ${names.join(', ')}`)
  }
}

/** The identifiers a customer lookup can use, taken from the params. */
export function identifiers(params: Params): {
  email?: string
  phone?: string
  loyalty_id?: string
  external_id?: string
  telegram_id?: string
} {
  const out: Record<string, string> = {}
  for (const k of ['email', 'phone', 'loyalty_id', 'external_id', 'telegram_id']) {
    const v = str(params, k)
    if (v !== undefined) out[k] = v
  }
  return out
}

const TRUE = new Set(['true', '1', 'yes', 'on'])
const FALSE = new Set(['false', '0', 'no', 'off'])

export function parseBool(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'boolean') return value
  const s = String(value).trim().toLowerCase()
  if (TRUE.has(s)) return true
  if (FALSE.has(s)) return false
  throw badRequest(`Parameter ${name} must be a boolean`)
}

export function int(
  params: Params,
  name: string,
  opts: { min?: number; max?: number; fallback: number },
): number {
  const raw = str(params, name)
  if (raw === undefined) return opts.fallback
  const n = Number(raw)
  if (!Number.isInteger(n)) throw badRequest(`Parameter ${name} must be an integer`)
  if (opts.min !== undefined && n < opts.min)
    throw badRequest(`Parameter ${name} must be >= ${opts.min}`)
  if (opts.max !== undefined && n > opts.max)
    throw badRequest(`Parameter ${name} must be <= ${opts.max}`)
  return n
}

/** Comma-separated string, repeated parameter, or JSON array: all become a string list. */
export function csv(params: Params, name: string): string[] {
  const v = params[name] ?? params[`${name}[]`]
  const parts = Array.isArray(v)
    ? v.map(String)
    : typeof v === 'string'
      ? v.split(',')
      : v === undefined
        ? []
        : [String(v)]
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses a date parameter. A date alone means the whole day: its start for a lower bound,
 * its last millisecond for an upper bound. Full ISO timestamps are taken as given.
 */
export function dateParam(
  params: Params,
  name: string,
  bound: 'start' | 'end',
): number | undefined {
  const raw = str(params, name)
  if (raw === undefined) return undefined
  if (DATE_ONLY.test(raw)) {
    const t = Date.parse(`${raw}T00:00:00.000Z`)
    if (Number.isNaN(t)) throw badRequest(`Parameter ${name} must be a date (YYYY-MM-DD)`)
    return bound === 'start' ? t : t + 86_400_000 - 1
  }
  const t = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(raw) ? Date.parse(raw.replace(' ', 'T')) : NaN
  if (Number.isNaN(t))
    throw badRequest(`Parameter ${name} must be a date (YYYY-MM-DD) or an ISO timestamp`)
  return t
}

/** A date-only parameter (YYYY-MM-DD), as /notifications and /subscriptions/changes document. */
export function dayParam(params: Params, name: string, bound: 'start' | 'end'): number | undefined {
  const raw = str(params, name)
  if (raw !== undefined && !DATE_ONLY.test(raw))
    throw badRequest(`Parameter ${name} must be YYYY-MM-DD`)
  return dateParam(params, name, bound)
}
