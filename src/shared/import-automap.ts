import type { AudienceField, ColumnMapping, DateOrder, MappingTarget, SavedMapping } from './import'
import { audienceFieldNames } from './import'

/**
 * Header names marketers' exports use, in English, Russian and Turkish, compared after
 * lower-casing and dropping everything but letters and digits ("E-mail" → "email").
 */
const SYNONYMS: Partial<Record<AudienceField, string[]>> = {
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'почта',
    'эл. почта',
    'электронная почта',
    'емейл',
    'имейл',
    'e-posta',
    'eposta',
    'e-posta adresi',
  ],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'cell',
    'tel',
    'telephone',
    'телефон',
    'мобильный',
    'мобильный телефон',
    'номер телефона',
    'тел',
    'telefon',
    'cep telefonu',
    'cep',
    'gsm',
  ],
  first_name: ['first name', 'firstname', 'given name', 'name', 'имя', 'ad', 'adı', 'isim'],
  last_name: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'фамилия',
    'soyad',
    'soyadı',
    'soyisim',
  ],
  middle_name: ['middle name', 'отчество', 'ikinci ad'],
  gender: ['gender', 'sex', 'пол', 'cinsiyet'],
  birthday: [
    'birthday',
    'birth date',
    'date of birth',
    'dob',
    'birthdate',
    'дата рождения',
    'день рождения',
    'doğum tarihi',
    'dogum tarihi',
  ],
  age: ['age', 'возраст', 'yaş', 'yas'],
  location: ['location', 'city', 'город', 'местоположение', 'şehir', 'sehir', 'konum'],
  id: ['id', 'user id', 'customer id', 'client id', 'ид', 'id клиента', 'müşteri no', 'musteri id'],
  loyalty_id: [
    'loyalty id',
    'loyalty card',
    'card number',
    'номер карты',
    'карта лояльности',
    'sadakat kartı',
    'kart no',
  ],
  loyalty_status: ['loyalty status', 'status', 'статус', 'уровень', 'durum', 'seviye'],
  loyalty_bonuses: ['bonuses', 'loyalty bonuses', 'points', 'бонусы', 'баллы', 'puan', 'bonus'],
  loyalty_card_location: ['card location', 'место выдачи карты'],
  loyalty_bonuses_to_next_level: ['bonuses to next level', 'до следующего уровня'],
  bought_something: [
    'bought something',
    'buyer',
    'has purchased',
    'покупал',
    'есть покупки',
    'alışveriş yaptı',
  ],
  telegram_id: ['telegram', 'telegram id'],
  vk_id: ['vk', 'vk id', 'вконтакте'],
  fb_id: ['facebook', 'fb', 'facebook id'],
  mobile_token: ['push token', 'device token'],
  mobile_token_platform: ['platform', 'платформа'],
}

export const headerKey = (h: string): string => h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

const INDEX = new Map<string, AudienceField>()
for (const f of audienceFieldNames) INDEX.set(headerKey(f), f)
for (const [f, names] of Object.entries(SYNONYMS))
  for (const n of names) INDEX.set(headerKey(n), f as AudienceField)

export function autoTarget(header: string): MappingTarget {
  const field = INDEX.get(headerKey(header))
  return field ? { kind: 'field', field } : { kind: 'ignore' }
}

/** Saved mapping first (by header), then synonyms; a field is never mapped twice. */
export function autoMap(headers: string[], saved?: SavedMapping | null): ColumnMapping {
  const used = new Set<string>()
  return headers.map((h) => {
    const t = saved?.byHeader[headerKey(h)] ?? autoTarget(h)
    if (t.kind !== 'field') return t
    if (used.has(t.field)) return { kind: 'ignore' }
    used.add(t.field)
    return t
  })
}

/** A mapping as a reusable "header → target" table. */
export function mappingByHeader(
  headers: string[],
  mapping: ColumnMapping,
): Record<string, MappingTarget> {
  const out: Record<string, MappingTarget> = {}
  headers.forEach((h, i) => {
    const t = mapping[i]
    if (t && t.kind !== 'ignore') out[headerKey(h)] = t
  })
  return out
}

/**
 * Day/month order evidence in sample values: "25/03/1990" proves day first, "03/25/1990"
 * month first; "03/04/1990" proves nothing (then the marketer is asked once).
 */
export function dateOrderEvidence(values: string[]): DateOrder | 'ambiguous' | 'none' {
  let dmy = false
  let mdy = false
  let ambiguous = false
  for (const v of values) {
    const m = /^\s*(\d{1,2})[-./](\d{1,2})[-./]\d{4}/.exec(v)
    if (!m) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (a > 12 && b <= 12) dmy = true
    else if (b > 12 && a <= 12) mdy = true
    else ambiguous = true
  }
  if (dmy !== mdy) return dmy ? 'dmy' : 'mdy'
  return ambiguous || (dmy && mdy) ? 'ambiguous' : 'none'
}
