import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import isEmail from 'validator/lib/isEmail.js'

// The shared contact rules (src/shared/contacts.ts) as they were before their fast paths:
// every address through validator's isEmail, every number through libphonenumber.

const MAX_EMAIL = 254

export function normaliseEmail(raw: string): string | null {
  const v = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase()
  if (!v || v.length > MAX_EMAIL) return null
  return isEmail(v, { allow_utf8_local_part: true, require_tld: true }) ? v : null
}

export function normalisePhone(raw: string, defaultCountry: string): string | null {
  const v = raw.trim()
  if (!v) return null
  const parsed = parsePhoneNumberFromString(
    v.startsWith('00') ? `+${v.slice(2)}` : v,
    defaultCountry as CountryCode,
  )
  return parsed?.isValid() ? parsed.number.slice(1) : null
}
