import { Metadata } from 'libphonenumber-js'

/**
 * libphonenumber's reading of a number written as bare digits, with an optional leading "+",
 * step for step as its `parsePhoneNumberFromString(text, defaultCountry)` and `isValid()` do
 * it (libphonenumber-js 1.13, the "min" metadata the rest of the console uses), with its
 * regular expressions compiled once per numbering plan. Checking a million imported rows,
 * the library's own path was half the time: it builds a metadata object and compiles a
 * regular expression at every step, spreads option objects and scans the text for
 * extensions that bare digits cannot have. The steps below keep its function names, so each
 * can be read next to its source in `node_modules/libphonenumber-js/source/`.
 *
 * Returns the digits with the country code, null for no valid number, or undefined where
 * this does not follow the library (a non-geographic calling code, an unknown default
 * country): the caller then asks libphonenumber. A test compares the two on numbers of every
 * country written in every way (`test/unit/shared/phone-digits.test.ts`).
 */
export function phoneFromDigits(number: string, defaultCountry: string): string | null | undefined {
  if (number.length > MAX_INPUT_STRING_LENGTH || !BARE_DIGITS.test(number)) return undefined
  const home = countryPlan(defaultCountry)
  if (!home) return undefined
  // extractCountryCallingCode
  let callingCode: string | undefined
  let rest = number
  let international: string | null = null
  if (number[0] !== '+') {
    const withoutIdd = stripIddPrefix(number, home)
    if (withoutIdd && withoutIdd !== number) international = '+' + withoutIdd
    else {
      const shorter = extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(number, home)
      if (shorter !== undefined) {
        callingCode = home.callingCode
        rest = shorter
      }
    }
  } else international = number
  if (international !== null) {
    // A "+" (or an international prefix) then no calling code: no numbering plan, no number.
    if (international[1] === '0') return null
    callingCode = undefined
    for (let i = 2; i - 1 <= MAX_LENGTH_COUNTRY_CODE && i <= international.length; i++) {
      const code = international.slice(1, i)
      if (hasCallingCode(code)) {
        callingCode = code
        rest = international.slice(i)
        break
      }
    }
    if (callingCode === undefined) return null
  }
  // parse.js's parsePhoneNumber
  let country: string | undefined
  let plan: Plan
  if (callingCode !== undefined) {
    const main = mainPlan(callingCode)
    if (!main) return undefined // non-geographic (+800, +882…): left to the library
    plan = main
  } else {
    country = defaultCountry
    plan = home
    callingCode = home.callingCode
  }
  if (!rest) return null
  const nationalNumber = extractNationalNumber(rest, plan)
  const exactCountry = getCountryByCallingCode(callingCode, nationalNumber)
  if (exactCountry) country = exactCountry
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN)
    return null
  // PhoneNumber.isValid → isValidNumber
  const valid = isValidNumber(nationalNumber, country ? countryPlan(country)! : plan)
  return valid ? callingCode + nationalNumber : null
}

/** At least three digits: fewer are no "viable" number, which `parseInput` words apart. */
const BARE_DIGITS = /^\+?\d{3,}$/
// parse.js and constants.js
const MAX_INPUT_STRING_LENGTH = 250
const MIN_LENGTH_FOR_NSN = 2
const MAX_LENGTH_FOR_NSN = 17
const MAX_LENGTH_COUNTRY_CODE = 3

/** The library's metadata object, which knows the JSON layout of each metadata version. */
interface LibraryMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void
  hasCountry(country: string): boolean
  hasCallingCode(callingCode: string): boolean
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined
  IDDPrefix(): string | undefined
  nationalNumberPattern(): string
  possibleLengths(): number[] | undefined
  nationalPrefixTransformRule(): string | undefined
  leadingDigits(): string | undefined
  hasTypes(): boolean
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined
  numberingPlan: { callingCode(): string; nationalPrefixForParsing(): string | undefined }
}

/** A numbering plan's rules, read once through the library's accessors. */
interface Plan {
  callingCode: string
  /** matchesEntirely(…, nationalNumberPattern()) */
  nationalNumber: RegExp
  possibleLengths: number[] | undefined
  /** `new RegExp(IDDPrefix())`, sticky: `search(…) === 0` is a match at 0. */
  iddPrefix: RegExp
  /** `^(?:nationalPrefixForParsing())`, null when the plan has none. */
  nationalPrefix: RegExp | null
  transformRule: string | undefined
  /** `new RegExp(leadingDigits())`, sticky; null when the plan has none. */
  leadingDigits: RegExp | null
  /** The number types' rules, when the metadata has them for this plan. */
  types: { pattern: RegExp; lengths: number[] | undefined }[] | null
}

// getNumberType's order; a number is of some type when one of these matches.
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP']
TYPES.push('PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL')

let library: LibraryMetadata | null = null
const plans = new Map<string, Plan | null>()
const callingCodes = new Map<string, boolean>()
const countriesOf = new Map<string, string[] | undefined>()

function metadata(): LibraryMetadata {
  return (library ??= new Metadata() as unknown as LibraryMetadata)
}

function entirely(pattern: string | undefined): RegExp {
  return new RegExp('^(?:' + pattern + ')$')
}

function countryPlan(country: string): Plan | null {
  let plan = plans.get(country)
  if (plan !== undefined) return plan
  const m = metadata()
  plan = null
  if (country && /^[A-Z]{2}$/.test(country) && m.hasCountry(country)) {
    m.selectNumberingPlan(country)
    const prefix = m.numberingPlan.nationalPrefixForParsing()
    const leading = m.leadingDigits()
    plan = {
      callingCode: m.numberingPlan.callingCode(),
      nationalNumber: entirely(m.nationalNumberPattern()),
      possibleLengths: m.possibleLengths(),
      iddPrefix: new RegExp(m.IDDPrefix() as string, 'y'),
      nationalPrefix: prefix ? new RegExp('^(?:' + prefix + ')') : null,
      transformRule: m.nationalPrefixTransformRule(),
      leadingDigits: leading ? new RegExp(leading, 'y') : null,
      types: m.hasTypes()
        ? TYPES.flatMap((name) => {
            const t = m.type(name)
            // isNumberTypeEqualTo: a type without a pattern matches nothing.
            return t && t.pattern()
              ? [{ pattern: entirely(t.pattern()), lengths: t.possibleLengths() }]
              : []
          })
        : null,
    }
  }
  plans.set(country, plan)
  return plan
}

function hasCallingCode(code: string): boolean {
  let has = callingCodes.get(code)
  if (has === undefined) callingCodes.set(code, (has = metadata().hasCallingCode(code)))
  return has
}

/** The plan `selectNumberingPlan(callingCode)` picks: its main country's; none if non-geographic. */
function mainPlan(callingCode: string): Plan | null {
  const main = countriesFor(callingCode)?.[0]
  return main ? countryPlan(main) : null
}

/** getCountryCodesForCallingCode: none for a non-geographic code. */
function countriesFor(callingCode: string): string[] | undefined {
  if (!countriesOf.has(callingCode))
    countriesOf.set(callingCode, metadata().getCountryCodesForCallingCode(callingCode))
  return countriesOf.get(callingCode)
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0
  return re.test(text)
}

function stripIddPrefix(number: string, plan: Plan): string | undefined {
  plan.iddPrefix.lastIndex = 0
  const match = plan.iddPrefix.exec(number)
  if (!match) return undefined
  const rest = number.slice(match[0].length)
  // A country code never starts with 0.
  return rest[0] === '0' ? undefined : rest
}

function extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(
  number: string,
  home: Plan,
): string | undefined {
  const code = home.callingCode
  if (!number.startsWith(code)) return undefined
  const shorter = number.slice(code.length)
  const shorterNational = extractNationalNumber(shorter, home)
  const national = extractNationalNumber(number, home)
  return (!test(home.nationalNumber, national) && test(home.nationalNumber, shorterNational)) ||
    checkNumberLength(national, home) === 'TOO_LONG'
    ? shorter
    : undefined
}

function extractNationalNumber(number: string, plan: Plan): string {
  const national = extractNationalNumberFromPossiblyIncompleteNumber(number, plan)
  if (national !== number) {
    // shouldHaveExtractedNationalPrefix
    if (test(plan.nationalNumber, number) && !test(plan.nationalNumber, national)) return number
    if (plan.possibleLengths) {
      const country = getCountryByCallingCode(plan.callingCode, national)
      const length = checkNumberLength(national, country ? countryPlan(country)! : plan)
      if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number
    }
  }
  return national
}

function extractNationalNumberFromPossiblyIncompleteNumber(number: string, plan: Plan): string {
  const prefix = plan.nationalPrefix
  if (!number || !prefix) return number
  const match = prefix.exec(number)
  if (!match) return number
  const groups = match.length - 1
  const hasCapturedGroups = groups > 0 && match[groups]
  if (plan.transformRule && hasCapturedGroups) return number.replace(prefix, plan.transformRule)
  return number.slice(match[0].length)
}

function checkNumberLength(national: string, plan: Plan): string {
  const lengths = plan.possibleLengths
  if (!lengths) return 'IS_POSSIBLE'
  const length = national.length
  if (lengths[0] === length) return 'IS_POSSIBLE'
  if (lengths[0]! > length) return 'TOO_SHORT'
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG'
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH'
}

function getCountryByCallingCode(callingCode: string, national: string): string | undefined {
  const countries = countriesFor(callingCode)
  if (!countries) return undefined
  if (countries.length === 1) return countries[0]
  // getCountryByNationalNumber
  for (const country of countries) {
    const plan = countryPlan(country)!
    if (plan.leadingDigits) {
      if (national && test(plan.leadingDigits, national)) return country
    } else if (hasNumberType(national, plan)) return country
  }
  return undefined
}

/** getNumberType(…) !== undefined */
function hasNumberType(national: string, plan: Plan): boolean {
  if (!plan.types || !test(plan.nationalNumber, national)) return false
  return plan.types.some(
    (t) => (!t.lengths || t.lengths.indexOf(national.length) >= 0) && test(t.pattern, national),
  )
}

function isValidNumber(national: string, plan: Plan): boolean {
  return plan.types ? hasNumberType(national, plan) : test(plan.nationalNumber, national)
}
