import {
  audienceFields,
  type ColumnMapping,
  type DateOrder,
  type ImportMode,
  type RowIssue,
} from '../../../../src/shared/import'
import { normaliseCell } from './normalise'

export type AudienceRow = Record<string, string | number | boolean>

export type RowVerdict =
  { ok: true; row: AudienceRow; warnings: RowIssue[] } | { ok: false; problems: RowIssue[] }

export interface RowValidatorConfig {
  mapping: ColumnMapping
  mode: ImportMode
  country: string
  dateOrder: DateOrder
}

/**
 * Builds the per-row check. Identity policy: a contact is identified by a valid email or a
 * valid phone. A malformed email or phone is left out with a warning when the other one
 * identifies the row (people mistype the optional phone of a good address all the time);
 * it rejects the row only when nothing else identifies it, since the API could not match
 * the row to anybody. A bad optional value (gender "n/a") is dropped from that row and
 * reported as a warning, so one messy column does not block a list.
 */
export function rowValidator(cfg: RowValidatorConfig): (fields: readonly string[]) => RowVerdict {
  const columns = cfg.mapping.flatMap((t, i) => {
    if (t.kind === 'ignore') return []
    if (cfg.mode === 'suppressed' && !(t.kind === 'field' && t.field === 'email')) return []
    const key = t.kind === 'field' ? t.field : t.key
    const kind = t.kind === 'field' ? audienceFields[t.field] : ('string' as const)
    return [{ i, key, kind }]
  })
  return (fields) => {
    const row: AudienceRow = {}
    const warnings: RowIssue[] = []
    const badIdentifiers: RowIssue[] = []
    for (const c of columns) {
      const n = normaliseCell(c.kind, fields[c.i] ?? '', cfg.country, cfg.dateOrder)
      if (n === undefined) continue
      if ('error' in n) {
        if (c.kind === 'email' || c.kind === 'phone')
          badIdentifiers.push({ field: c.key, reason: n.error })
        else warnings.push({ field: c.key, reason: n.error })
      } else row[c.key] = n.value
    }
    const identified =
      row.email !== undefined || (cfg.mode !== 'suppressed' && row.phone !== undefined)
    if (!identified) {
      if (badIdentifiers.length) return { ok: false, problems: badIdentifiers }
      return {
        ok: false,
        problems: [
          {
            field: 'row',
            reason: cfg.mode === 'suppressed' ? 'no-email' : 'no-identifier',
          },
        ],
      }
    }
    return { ok: true, row, warnings: [...badIdentifiers, ...warnings] }
  }
}
