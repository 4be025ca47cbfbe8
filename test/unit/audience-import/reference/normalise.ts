import * as contacts from './contacts'
import { UTC, dayFromParts, today } from '../../../../src/shared/days'
import type { DateOrder, FieldKind, IssueReason } from '../../../../src/shared/import'

/** A normalised value, or why the cell cannot be used. `undefined` means "empty: omit". */
export type Normalised = { value: string | number | boolean } | { error: IssueReason } | undefined

/** The shared contact rule (`shared/contacts.ts`), with a blank cell meaning "omit". */
export function normaliseEmail(raw: string): Normalised {
  if (!raw.trim()) return undefined
  const v = contacts.normaliseEmail(raw)
  return v === null ? { error: 'email-invalid' } : { value: v }
}

export function normalisePhone(raw: string, country: string): Normalised {
  if (!raw.trim()) return undefined
  const v = contacts.normalisePhone(raw, country)
  return v === null ? { error: 'phone-invalid' } : { value: v }
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'да', 'д', 'evet', 'e', 'on', 'x', '+'])
const FALSE = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'hayır', 'hayir', 'h', 'off', '-'])

export function normaliseBool(raw: string): Normalised {
  const v = raw.trim().toLowerCase()
  if (!v) return undefined
  if (TRUE.has(v)) return { value: true }
  if (FALSE.has(v)) return { value: false }
  return { error: 'bool-invalid' }
}

const MALE = new Set(['m', 'male', 'man', 'м', 'муж', 'мужской', 'мужчина', 'e', 'erkek', 'bay'])
const FEMALE = new Set([
  'f',
  'female',
  'woman',
  'w',
  'ж',
  'жен',
  'женский',
  'женщина',
  'k',
  'kadın',
  'kadin',
  'bayan',
])

export function normaliseGender(raw: string): Normalised {
  const v = raw.trim().toLowerCase().replace(/\.$/, '')
  if (!v) return undefined
  if (MALE.has(v)) return { value: 'm' }
  if (FEMALE.has(v)) return { value: 'f' }
  return { error: 'gender-invalid' }
}

/** Whole numbers; spreadsheets add thousands separators and ",00" / ".00" tails. */
export function normaliseInt(raw: string): Normalised {
  const v = raw.trim().replace(/[\s\u00a0']/g, '')
  if (!v) return undefined
  const m = /^(-?\d+)(?:[.,]0+)?$/.exec(v)
  if (!m) return { error: 'int-invalid' }
  const n = Number(m[1])
  if (!Number.isSafeInteger(n) || n < 0) return { error: 'int-negative' }
  return { value: n }
}

const ISO = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T\s].*)?$/
const DMY = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:\s.*)?$/

/** To YYYY-MM-DD. a/b/yyyy is ambiguous; `order` is what the marketer chose for the file. */
export function normaliseDate(raw: string, order: DateOrder): Normalised {
  const v = raw.trim()
  if (!v) return undefined
  let y: number, m: number, d: number
  const iso = ISO.exec(v)
  const other = iso ? null : DMY.exec(v)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (other) {
    const a = Number(other[1])
    const b = Number(other[2])
    y = Number(other[3])
    ;[d, m] = order === 'dmy' ? [a, b] : [b, a]
  } else return { error: 'date-invalid' }
  const day = dayFromParts(y, m, d)
  if (!day) return { error: order === 'dmy' ? 'date-unreal-dmy' : 'date-unreal-mdy' }
  if (y < 1900 || day > today(UTC)) return { error: 'date-out-of-range' }
  return { value: day }
}

export function normalisePlatform(raw: string): Normalised {
  const v = raw.trim().toLowerCase()
  if (!v) return undefined
  if (v === 'ios' || v === 'apns' || v === 'apple') return { value: 'ios' }
  if (v === 'android' || v === 'firebase' || v === 'fcm') return { value: 'android' }
  return { error: 'platform-invalid' }
}

export function normaliseString(raw: string): Normalised {
  const v = raw.trim()
  return v ? { value: v } : undefined
}

export function normaliseCell(
  kind: FieldKind,
  raw: string,
  country: string,
  order: DateOrder,
): Normalised {
  switch (kind) {
    case 'email':
      return normaliseEmail(raw)
    case 'phone':
      return normalisePhone(raw, country)
    case 'bool':
      return normaliseBool(raw)
    case 'gender':
      return normaliseGender(raw)
    case 'int':
      return normaliseInt(raw)
    case 'date':
      return normaliseDate(raw, order)
    case 'platform':
      return normalisePlatform(raw)
    case 'string':
      return normaliseString(raw)
  }
}
