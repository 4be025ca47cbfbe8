import {
  findPhoneNumbersInText,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js'
// The one-function entry (CommonJS, so main, the import worker and the renderer's bundle all
// load it as is; `.js` because Node's ESM resolution wants the file name, the package has no
// exports map). The package's index would bring along every other validator.
import isEmail from 'validator/lib/isEmail.js'
import { phoneFromDigits } from './phone-digits'

/**
 * How the console reads a customer's email and phone, wherever they come from: an imported
 * file, a send form, a bulk send's CSV or a lookup. One rule, so an address the import
 * uploaded is the same address a send or a search finds. Both functions return null for an
 * empty or unusable value; callers that treat "none given" differently check for blank first.
 */

/** The longest address SMTP carries (RFC 5321 path limit). */
const MAX_EMAIL = 254

/**
 * Trimmed, without a pasted `mailto:`, lower-cased. Lower-casing is locale-independent on
 * purpose: `toLocaleLowerCase` on a Turkish system turns "I" into dotless "ı", which would
 * corrupt ASCII addresses. The local part is lower-cased too: mailbox providers ignore its
 * case, and the import keys contacts by the lower-cased address.
 */
export function normaliseEmail(raw: string): string | null {
  const v = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase()
  if (!v || v.length > MAX_EMAIL) return null
  if (PLAIN_EMAIL.test(v) && v.indexOf('@') <= MAX_LOCAL_PART) return v
  return isEmail(v, { allow_utf8_local_part: true, require_tld: true }) ? v : null
}

/** The longest local part isEmail accepts (RFC 5321), in bytes; ASCII here, so characters. */
const MAX_LOCAL_PART = 64

/**
 * Plain ASCII addresses, which are nearly all of them, that isEmail certainly accepts: dot-
 * separated atoms of letters, digits, `_ + -`; host labels of at most 63 letters, digits and
 * inner hyphens; an alphabetic top-level domain. Checking a million imported rows, isEmail's
 * generic path (byte lengths through encodeURI, option merging, several regexes per label)
 * was a tenth of the time. Anything else still goes to isEmail, so the rule is unchanged.
 */
const PLAIN_EMAIL =
  /^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * Digits with the country code and no "+", as in the reference ("19991005000"). A number
 * without a country code is read in the shop's default country: "8 916…" is how Russians
 * write +7 916…, and libphonenumber knows that with country RU. "00" is the international
 * prefix most of the world dials.
 */
export function normalisePhone(raw: string, defaultCountry: string): string | null {
  const v = raw.trim()
  if (!v) return null
  const text = v.startsWith('00') ? `+${v.slice(2)}` : v
  const digits = SEPARATED_DIGITS.test(text) ? text.replace(SEPARATORS, '') : null
  const fast = digits === null ? undefined : phoneFromDigits(digits, defaultCountry)
  if (fast !== undefined) return fast
  const parsed = parsePhoneNumberFromString(digits ?? text, defaultCountry as CountryCode)
  return parsed?.isValid() ? parsed.number.slice(1) : null
}

/**
 * A number written as digits with spaces, dashes, dots or brackets around them, an
 * optional "+" before the first digit, at least three digits and within libphonenumber's 250 characters,
 * as nearly every CRM export writes phones. libphonenumber reads such text as its digits
 * alone (it finds no extension, phone context or second number in it, and keeps only the
 * digits and the leading "+"), so they are given to it that way: its search and its
 * extension patterns over the separators were about a third of a phone's check. A test
 * compares the two readings on generated numbers in many countries. Bare digits then take
 * `phoneFromDigits`, libphonenumber's own steps without its per-call overhead.
 */
const SEPARATED_DIGITS = /^(?=.{0,250}$)[ ().-]*\+?\d(?:[ ().-]*\d){2,}[ ().-]*$/
const SEPARATORS = /[ ().-]/g

/**
 * The first email address, or else the first phone number written in international form,
 * in a customer's free text (an NPS comment saying "write to me at anna@example.com"), as
 * the rules above read it; null when there is none. Phones need their "+": without the
 * shop's country a local number could be anyone's.
 */
export function contactIn(
  text: string,
): { kind: 'email'; value: string } | { kind: 'phone'; value: string } | null {
  for (const candidate of text.match(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g) ?? []) {
    const email = normaliseEmail(candidate.replace(/[.!?]+$/, ''))
    if (email) return { kind: 'email', value: email }
  }
  const phone = findPhoneNumbersInText(text).find((p) => p.number.isValid())
  return phone ? { kind: 'phone', value: phone.number.number.slice(1) } : null
}
