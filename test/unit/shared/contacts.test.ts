import { getExampleNumber, type CountryCode } from 'libphonenumber-js'
import examples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import {
  normaliseEmail as importEmail,
  normalisePhone as importPhone,
} from '../../../src/main/services/audience-import/normalise'
import { contactIn, normaliseEmail, normalisePhone } from '../../../src/shared/contacts'
import { checkSend } from '../../../src/shared/sends-validate'
// The rule before its fast path: the whole text, as typed, through libphonenumber.
import { normalisePhone as asTyped } from '../audience-import/reference/contacts'

/** Address as typed or exported → what the console keeps, or null when it is not usable. */
const emails: [string, string | null][] = [
  ['anna@example.com', 'anna@example.com'],
  ['  Anna.Smith@Example.COM ', 'anna.smith@example.com'],
  ['INFO@SHOP.COM.TR', 'info@shop.com.tr'],
  ['ivan+promo@mail.ru', 'ivan+promo@mail.ru'],
  ["o'brien@example.ie", "o'brien@example.ie"],
  ['first_last@example.travel', 'first_last@example.travel'],
  ['user@sub.domain.co.uk', 'user@sub.domain.co.uk'],
  ['1234567890@example.com', '1234567890@example.com'],
  ['user@xn--80ak6aa92e.com', 'user@xn--80ak6aa92e.com'],
  ['пользователь@пример.рф', 'пользователь@пример.рф'],
  ['mailto:x@y.io', 'x@y.io'],
  ['a@b', null],
  ['user@localhost', null],
  ['anna@', null],
  ['anna example.com', null],
  ['user name@example.com', null],
  ['user@@example.com', null],
  ['user@example..com', null],
  ['.user@example.com', null],
  ['user.@example.com', null],
  ['user@-example.com', null],
  ['user@example.c', null],
  ['user@example.com.', null],
  ['user@example_domain.com', null],
  ['user@192.168.0.1', null],
  ['user@[192.168.0.1]', null],
  ['user@example.com,other@example.com', null],
  [`${'a'.repeat(60)}@${'b'.repeat(190)}.com`, null], // 255 characters: too long for SMTP
]

/** Phone as typed, the shop's default country → digits with the country code, or null. */
const phones: [string, string, string | null][] = [
  ['+7 (916) 123-45-67', 'RU', '79161234567'],
  ['8 916 123 45 67', 'RU', '79161234567'],
  ['89161234567', 'RU', '79161234567'],
  ['0532 123 45 67', 'TR', '905321234567'],
  ['+90 532 123 45 67', 'RU', '905321234567'],
  ['(201) 555-0123', 'US', '12015550123'],
  ['0044 20 7946 0958', 'RU', '442079460958'],
  ['+44 20 7946 0958', 'US', '442079460958'],
  ['030 901820', 'DE', '4930901820'],
  ['12345', 'RU', null],
  ['+7 916 123', 'RU', null],
  ['hello', 'US', null],
  ['', 'RU', null],
]

describe('one rule for a customer’s email and phone', () => {
  it.each(emails)('email %j → %j', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want)
  })

  it.each(phones)('phone %j in %s → %j', (raw, country, want) => {
    expect(normalisePhone(raw, country)).toBe(want)
  })

  it('the import and a send accept and rewrite every address the same way', () => {
    for (const [raw, want] of emails) {
      const imported = importEmail(raw)
      const { send, issues } = checkSend({ route: 'transact', code: 'welcome', email: raw }, 'RU')
      expect(imported, raw).toEqual(want === null ? { error: 'email-invalid' } : { value: want })
      expect(send?.email ?? null, raw).toBe(want)
      if (want === null) expect(issues, raw).toContainEqual({ field: 'email', reason: 'invalid' })
    }
  })

  it('the import and a send read every phone the same way in the shop’s country', () => {
    for (const [raw, country, want] of phones.filter(([raw]) => raw.trim() !== '')) {
      const imported = importPhone(raw, country)
      const { send } = checkSend({ route: 'sms', code: 'welcome', phone: raw }, country)
      expect(imported, raw).toEqual(want === null ? { error: 'phone-invalid' } : { value: want })
      expect(send?.phone ?? null, raw).toBe(want)
    }
  })

  it('a blank cell is "omit" for the import and "missing" for a send', () => {
    expect(importEmail('   ')).toBeUndefined()
    expect(importPhone('', 'RU')).toBeUndefined()
    expect(checkSend({ route: 'transact', code: 'x', email: '  ' }, 'RU').issues).toEqual([
      { field: 'recipient', reason: 'empty' },
    ])
  })
})

describe('a contact written in a customer comment', () => {
  it('finds an email, read by the shared rule, trailing punctuation left out', () => {
    expect(contactIn('Never got my order! Write to Anna.Petrova@Example.com.')).toEqual({
      kind: 'email',
      value: 'anna.petrova@example.com',
    })
  })
  it('finds an international phone when there is no email', () => {
    expect(contactIn('Позвоните мне: +7 916 123-45-67, пожалуйста')).toEqual({
      kind: 'phone',
      value: '79161234567',
    })
  })
  it('nothing for text without one, or a local number of unknown country', () => {
    expect(contactIn('Great service, thanks')).toBeNull()
    expect(contactIn('call 8 916 123 45 67 or mail me at not-an-email@')).toBeNull()
  })
})

describe('a phone written with separators reads as libphonenumber reads the whole text', () => {
  it('on generated numbers in many countries and ways of writing them', () => {
    let seed = 11
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
    const countries = ['RU', 'KZ', 'TR', 'US', 'GB', 'DE', 'FR', 'AR', 'BR', 'IN', 'CN', 'IT']
    const separators = ['', '', ' ', '-', '.', '(', ')', ' (', ') ', ' - ', '--']
    let differentNumbers = 0
    let valid = 0
    for (let n = 0; n < 20_000; n++) {
      const country = pick(countries)
      // Real numbers of the country (its example), mutated, and random digit strings.
      const example = getExampleNumber(country as CountryCode, examples)
      let digits =
        rnd() < 0.6 && example
          ? example.nationalNumber.replace(/\d/g, (d) =>
              rnd() < 0.3 ? String(Math.floor(rnd() * 10)) : d,
            )
          : String(Math.floor(rnd() * 1e12)).slice(0, 3 + Math.floor(rnd() * 12))
      const prefix = pick(['', '+', '00', '8', '0', '+' + (example?.countryCallingCode ?? '7')])
      if (prefix.startsWith('+') || prefix === '00' || prefix === '8' || prefix === '0')
        digits = prefix.replace('+', '') + digits
      let text = prefix.startsWith('+') ? '+' : ''
      for (const d of digits) text += (rnd() < 0.35 ? pick(separators) : '') + d
      if (rnd() < 0.2) text = pick(separators) + text
      if (rnd() < 0.2) text += pick(separators)
      const want = asTyped(text, country)
      expect([text, country, normalisePhone(text, country)]).toEqual([text, country, want])
      if (want) valid++
      if (text.replace(/[ ().-]/g, '') !== text) differentNumbers++
    }
    // The comparison covered both outcomes and mostly written-with-separators numbers.
    expect(valid).toBeGreaterThan(2_000)
    expect(differentNumbers).toBeGreaterThan(10_000)
  })
})
