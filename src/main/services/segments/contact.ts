import { normaliseEmail, normalisePhone } from '../../../shared/contacts'
import { keyedFailure } from '../../../shared/errors'
import type { ReadContact } from '../../../shared/segments'

/**
 * What the marketer typed, read as the import reads it: an address (it has an "@") lower-
 * cased, anything else a phone in the shop's country. Unusable input is refused by name.
 */
export function readContact(raw: string, country: string): ReadContact {
  if (raw.includes('@')) {
    const email = normaliseEmail(raw)
    if (email) return { email, phone: null }
  } else {
    const phone = normalisePhone(raw, country)
    if (phone) return { email: null, phone }
  }
  throw keyedFailure('INVALID_INPUT', 'segment-contact-invalid')
}

/** The API's identifier parameters for a contact: only those it has. */
export function contactParams(c: ReadContact): { email?: string; phone?: string } {
  return { ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}) }
}
