import { audienceFields } from '../../../shared/audience-fields'
import type { ColumnMapping, DateOrder, ImportMode, RowIssue } from '../../../shared/import'
import { normaliseCell } from './normalise'

export type AudienceRow = Record<string, string | number | boolean>

/**
 * What the check makes of one row. The same object is returned for every row (a million
 * rows made a million verdicts, rows and arrays for the garbage collector): read it before
 * the next call.
 */
export interface RowVerdict {
  ok: boolean
  /** A kept row: the row to upload, as `JSON.stringify` writes it, and a line end. */
  line: string
  /** A kept row's values under the keys `email` and `phone`, as text (none: undefined). */
  email: string | undefined
  phone: string | undefined
  /** A rejected row's reasons, or a kept row's warnings; null when a kept row has none. */
  issues: RowIssue[] | null
}

export interface RowValidatorConfig {
  mapping: ColumnMapping
  mode: ImportMode
  country: string
  dateOrder: DateOrder
}

/**
 * Keys whose place in a JSON object is not the order they were set in (array indices come
 * first), or that an object does not keep as a property (`__proto__`).
 */
const REORDERED_KEY = /^(?:0|[1-9]\d{0,9})$|^__proto__$/

/**
 * Characters `JSON.stringify` may escape in a string: quote, backslash, control characters,
 * lone surrogates (a few more than it does; those just take its own path).
 */
const NEEDS_ESCAPE = /["\\\p{Cc}\p{Cs}]/u

/** `JSON.stringify(value)`, without its generic path for the plain strings most cells are. */
export function jsonValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value)
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`
}

/**
 * Builds the per-row check. Identity policy: a contact is identified by a valid email or a
 * valid phone. A malformed email or phone is left out with a warning when the other one
 * identifies the row (people mistype the optional phone of a good address all the time);
 * it rejects the row only when nothing else identifies it, since the API could not match
 * the row to anybody. A bad optional value (gender "n/a") is dropped from that row and
 * reported as a warning, so one messy column does not block a list.
 *
 * The row's JSON is written key by key, in the mapping's order, which is the order
 * `JSON.stringify` gives an object filled column by column, as long as every key is set by
 * one column and none is placed otherwise; a mapping where that does not hold builds the
 * object and stringifies it.
 */
export function rowValidator(cfg: RowValidatorConfig): (fields: readonly string[]) => RowVerdict {
  const columns = cfg.mapping.flatMap((t, i) => {
    if (t.kind === 'ignore') return []
    if (cfg.mode === 'suppressed' && !(t.kind === 'field' && t.field === 'email')) return []
    const key = t.kind === 'field' ? t.field : t.key
    const kind = t.kind === 'field' ? audienceFields[t.field] : ('string' as const)
    return [{ i, key, kind, keyJson: JSON.stringify(key) + ':' }]
  })
  const keys = columns.map((c) => c.key)
  const keyByKey = new Set(keys).size === keys.length && !keys.some((k) => REORDERED_KEY.test(k))
  const { country, dateOrder } = cfg
  const verdict: RowVerdict = {
    ok: false,
    line: '',
    email: undefined,
    phone: undefined,
    issues: null,
  }
  return (fields) => {
    let json = ''
    const row: AudienceRow | null = keyByKey ? null : {}
    let email: string | undefined
    let phone: string | undefined
    let warnings: RowIssue[] | null = null
    let badIdentifiers: RowIssue[] | null = null
    for (const c of columns) {
      const n = normaliseCell(c.kind, fields[c.i] ?? '', country, dateOrder)
      if (n === undefined) continue
      if ('error' in n) {
        const issue: RowIssue = { field: c.key, reason: n.error }
        if (c.kind === 'email' || c.kind === 'phone') (badIdentifiers ??= []).push(issue)
        else (warnings ??= []).push(issue)
        continue
      }
      const value = n.value
      if (row) row[c.key] = value
      else json += (json ? ',' : '{') + c.keyJson + jsonValue(value)
      if (c.key === 'email') email = String(value)
      else if (c.key === 'phone') phone = String(value)
    }
    verdict.email = email
    verdict.phone = phone
    const identified = email !== undefined || (cfg.mode !== 'suppressed' && phone !== undefined)
    if (!identified) {
      verdict.ok = false
      verdict.line = ''
      verdict.issues = badIdentifiers ?? [
        { field: 'row', reason: cfg.mode === 'suppressed' ? 'no-email' : 'no-identifier' },
      ]
      return verdict
    }
    verdict.ok = true
    verdict.line = (row ? JSON.stringify(row) : (json || '{') + '}') + '\n'
    verdict.issues =
      badIdentifiers && warnings ? badIdentifiers.concat(warnings) : (badIdentifiers ?? warnings)
    return verdict
  }
}
