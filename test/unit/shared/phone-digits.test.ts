import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  Metadata,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js'
import examples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from '../../../src/shared/contacts'
import { phoneFromDigits } from '../../../src/shared/phone-digits'

/** libphonenumber's own answer: what `phoneFromDigits` must give whenever it gives one. */
function library(text: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(text, country as CountryCode)
  return parsed?.isValid() ? parsed.number.slice(1) : null
}

interface Plan {
  country: CountryCode
  callingCode: string
  iddPrefix: string
  nationalPrefix: string
  example: string | undefined
}

const plans: Plan[] = getCountries().map((country) => {
  // The library's metadata accessors, not in its type declarations.
  const m = new Metadata() as unknown as {
    selectNumberingPlan(c: string): void
    IDDPrefix(): string
    numberingPlan: { nationalPrefix(): string | undefined; defaultIDDPrefix(): string | undefined }
  }
  m.selectNumberingPlan(country)
  const idd = m.numberingPlan.defaultIDDPrefix() ?? m.IDDPrefix()
  return {
    country,
    callingCode: getCountryCallingCode(country),
    // Some prefixes are patterns ("8~10"); those countries are dialled with "00" here.
    iddPrefix: /^\d+$/.test(idd) ? idd : '00',
    nationalPrefix: m.numberingPlan.nationalPrefix() ?? '',
    example: getExampleNumber(country, examples)?.nationalNumber,
  }
})

describe('a number written as digits reads as libphonenumber reads it', () => {
  it('in every country, written every way a CRM export writes it, and mistyped', () => {
    let seed = 5
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
    const ways = ['national', 'prefix', 'code', '+code', 'idd', '+', '00', 'code+prefix', '0']
    let answered = 0
    let valid = 0
    const countriesValid = new Set<string>()
    for (let n = 0; n < 100_000; n++) {
      // The shop's country, and a number of that country or, half the time, of any other.
      const home = pick(plans)
      const of = rnd() < 0.5 ? home : pick(plans)
      let national =
        of.example && rnd() < 0.8
          ? of.example
          : String(Math.floor(rnd() * 1e17)).slice(0, 1 + Math.floor(rnd() * 16))
      const typo = rnd()
      if (typo < 0.3)
        national = national.replace(/\d/g, (d) =>
          rnd() < 0.15 ? String(Math.floor(rnd() * 10)) : d,
        )
      else if (typo < 0.4) national = national.slice(0, -1)
      else if (typo < 0.5) national += String(Math.floor(rnd() * 10))
      const text = {
        national,
        prefix: of.nationalPrefix + national,
        code: of.callingCode + national,
        '+code': `+${of.callingCode}${national}`,
        idd: of.iddPrefix + of.callingCode + national,
        '+': `+${national}`,
        '00': `00${of.callingCode}${national}`,
        'code+prefix': of.callingCode + of.nationalPrefix + national,
        '0': `0${national}`,
      }[pick(ways)]!
      if (!/^\+?\d{3,}$/.test(text)) continue
      const got = phoneFromDigits(text, home.country)
      if (got === undefined) continue
      answered++
      const want = library(text, home.country)
      expect([text, home.country, got]).toEqual([text, home.country, want])
      if (want) {
        valid++
        countriesValid.add(of.country)
      }
    }
    // Both outcomes, numbers of nearly every country, and hardly anything left to the library.
    expect(valid).toBeGreaterThan(25_000)
    expect(answered - valid).toBeGreaterThan(25_000)
    expect(countriesValid.size).toBeGreaterThan(200)
    expect(answered).toBeGreaterThan(95_000)
  })

  it('shared calling codes go to the right country: +7 Russia or Kazakhstan, +1 US or Canada', () => {
    expect(phoneFromDigits('+77012345678', 'RU')).toBe('77012345678') // Kazakhstan
    expect(phoneFromDigits('87012345678', 'KZ')).toBe('77012345678')
    expect(phoneFromDigits('89161234567', 'RU')).toBe('79161234567')
    expect(phoneFromDigits('79161234567', 'RU')).toBe('79161234567')
    expect(phoneFromDigits('6135550123', 'CA')).toBe('16135550123')
    expect(phoneFromDigits('+16135550123', 'TR')).toBe('16135550123')
    expect(phoneFromDigits('+15550123', 'US')).toBeNull()
  })

  it('leaves what it does not follow to libphonenumber, and the rule still answers', () => {
    // A non-geographic calling code (international freephone) and an unknown shop country.
    expect(phoneFromDigits('+80012345678', 'RU')).toBeUndefined()
    expect(phoneFromDigits('89161234567', 'XX')).toBeUndefined()
    expect(phoneFromDigits('8 916', 'RU')).toBeUndefined()
    for (const [text, country] of [
      ['+80012345678', 'RU'],
      ['89161234567', 'XX'],
      ['+79161234567', 'XX'],
    ] as const)
      expect(normalisePhone(text, country)).toBe(library(text, country))
  })
})
