import isEmail from 'validator/lib/isEmail.js'
import { describe, expect, it } from 'vitest'
import {
  normaliseBool,
  normaliseDate,
  normaliseEmail,
  normaliseGender,
  normaliseInt,
  normalisePhone,
  realDay,
} from '../../../src/main/services/audience-import/normalise'
import { normaliseEmail as normaliseSharedEmail } from '../../../src/shared/contacts'
import { dayFromParts } from '../../../src/shared/days'
import { autoMap, dateOrderEvidence } from '../../../src/shared/import-automap'

describe('normalisers', () => {
  it('emails: trimmed, lower-cased without locale, validated', () => {
    expect(normaliseEmail('  Anna.Smith@Example.COM ')).toEqual({ value: 'anna.smith@example.com' })
    expect(normaliseEmail('INFO@SHOP.COM.TR')).toEqual({ value: 'info@shop.com.tr' })
    expect(normaliseEmail('mailto:x@y.io')).toEqual({ value: 'x@y.io' })
    expect(normaliseEmail('not-an-email')).toHaveProperty('error')
    expect(normaliseEmail('a@b')).toHaveProperty('error')
    expect(normaliseEmail('  ')).toBeUndefined()
  })

  it('phones: digits with country code, default country applied', () => {
    expect(normalisePhone('+7 (916) 123-45-67', 'RU')).toEqual({ value: '79161234567' })
    expect(normalisePhone('8 916 123 45 67', 'RU')).toEqual({ value: '79161234567' })
    expect(normalisePhone('0532 123 45 67', 'TR')).toEqual({ value: '905321234567' })
    expect(normalisePhone('(201) 555-0123', 'US')).toEqual({ value: '12015550123' })
    expect(normalisePhone('0044 20 7946 0958', 'RU')).toEqual({ value: '442079460958' })
    expect(normalisePhone('12345', 'RU')).toHaveProperty('error')
  })

  it('booleans in English, Russian and Turkish', () => {
    for (const t of ['true', 'YES', '1', 'Да', 'evet', 'EVET'])
      expect(normaliseBool(t)).toEqual({ value: true })
    for (const f of ['false', 'No', '0', 'нет', 'hayır', 'HAYIR'])
      expect(normaliseBool(f)).toEqual({ value: false })
    expect(normaliseBool('maybe')).toHaveProperty('error')
  })

  it('gender to m/f', () => {
    expect(normaliseGender('Female')).toEqual({ value: 'f' })
    expect(normaliseGender('муж.')).toEqual({ value: 'm' })
    expect(normaliseGender('Kadın')).toEqual({ value: 'f' })
    expect(normaliseGender('n/a')).toHaveProperty('error')
  })

  it('dates to YYYY-MM-DD with the chosen day/month order', () => {
    expect(normaliseDate('1990-05-07', 'mdy')).toEqual({ value: '1990-05-07' })
    expect(normaliseDate('07.05.1990', 'dmy')).toEqual({ value: '1990-05-07' })
    expect(normaliseDate('05/07/1990', 'mdy')).toEqual({ value: '1990-05-07' })
    expect(normaliseDate('31/12/1990', 'mdy')).toHaveProperty('error')
    expect(normaliseDate('1990-02-30', 'dmy')).toHaveProperty('error')
    expect(normaliseDate('yesterday', 'dmy')).toHaveProperty('error')
    expect(dateOrderEvidence(['25/03/1990', '01/02/1980'])).toBe('dmy')
    expect(dateOrderEvidence(['03/25/1990'])).toBe('mdy')
    expect(dateOrderEvidence(['03/04/1990'])).toBe('ambiguous')
    expect(dateOrderEvidence(['1990-03-04'])).toBe('none')
  })

  it('integers, with spreadsheet decimals and separators', () => {
    expect(normaliseInt('1 500,00')).toEqual({ value: 1500 })
    expect(normaliseInt('3000.0')).toEqual({ value: 3000 })
    expect(normaliseInt('20,5')).toHaveProperty('error')
    expect(normaliseInt('-3')).toHaveProperty('error')
  })
})

describe('auto-mapping', () => {
  it('maps English, Russian and Turkish headers; unknown ignored; no field twice', () => {
    const m = autoMap([
      'E-mail',
      'Email address',
      'Телефон',
      'Имя',
      'Фамилия',
      'Ad',
      'Soyad',
      'Doğum tarihi',
      'Favourite colour',
      'email_bulk',
    ])
    expect(m).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'ignore' },
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'first_name' },
      { kind: 'field', field: 'last_name' },
      { kind: 'ignore' },
      { kind: 'ignore' },
      { kind: 'field', field: 'birthday' },
      { kind: 'ignore' },
      { kind: 'field', field: 'email_bulk' },
    ])
    expect(autoMap(['Почта', 'Cinsiyet', 'Cep telefonu'])).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'gender' },
      { kind: 'field', field: 'phone' },
    ])
  })

  it('a saved mapping wins by header name', () => {
    const saved = {
      id: 'x',
      name: 'CRM',
      savedAt: '',
      byHeader: {
        colour: { kind: 'custom', key: 'colour' } as const,
        email: { kind: 'ignore' } as const,
      },
    }
    expect(autoMap(['Colour', 'Email'], saved)).toEqual([
      { kind: 'custom', key: 'colour' },
      { kind: 'ignore' },
    ])
  })
})

describe('the fast paths give the shared rules exactly', () => {
  it('realDay agrees with days.dayFromParts on every month and day around the edges', () => {
    const years = [0, 1, 50, 99, 100, 101, 1600, 1700, 1899, 1900, 1901, 1999, 2000]
    years.push(2001, 2023, 2024, 2100, 2400, 9998, 9999)
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) expect(realDay(y, m, d)).toBe(dayFromParts(y, m, d))
  })

  it('emails: plain addresses are accepted only where validator accepts them', () => {
    const shapes = [
      'a@b.co',
      'a.b-c_d+e@x-y.example.com',
      'a..b@example.com',
      'a.@example.com',
      'a@-x.com',
      'a@x-.com',
      'a@x.c',
      'a@x.c1',
      'a@x_y.com',
      'a@123.com',
      `${'x'.repeat(64)}@example.com`,
      `${'x'.repeat(65)}@example.com`,
      `a@${'d'.repeat(63)}.com`,
      `a@${'d'.repeat(64)}.com`,
      `a@example.${'c'.repeat(63)}`,
      `a@example.${'c'.repeat(64)}`,
    ]
    for (const s of shapes) {
      const ok = isEmail(s, { allow_utf8_local_part: true, require_tld: true })
      expect([s, normaliseSharedEmail(s)]).toEqual([s, ok ? s : null])
    }
  })
})
