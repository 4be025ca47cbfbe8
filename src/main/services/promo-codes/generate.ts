import { randomBytes } from 'node:crypto'
import { CODE_ALPHABET, PATTERN_SLOT } from '../../../shared/promo-codes'

/** Bytes drawn per refill: one call to the CSPRNG serves thousands of characters. */
const POOL_BYTES = 64 * 1024
/** Bytes at or above this are rejected so every character is equally likely (no modulo bias). */
const CUTOFF = 256 - (256 % CODE_ALPHABET.length)
const ALPHABET = Buffer.from(CODE_ALPHABET, 'latin1')

/**
 * Codes from a pattern such as SPRING-XXXX-XXXX: every X is a character drawn uniformly from
 * the look-alike-free alphabet with the operating system's CSPRNG (a guessable code is a free
 * discount). `taken` holds codes that must not come out (this console's earlier uploads to
 * the list); a code drawn twice is drawn again, so all `count` codes are distinct. Each code
 * is the pattern's bytes with its slots filled in place: a million take about a second.
 */
export function* generateCodes(
  pattern: string,
  count: number,
  taken: ReadonlySet<string> = new Set(),
): Generator<string> {
  // Patterns are checked to be printable; anything outside latin1 is kept as UTF-8 text.
  const template = Buffer.from(pattern, 'utf8')
  const slots: number[] = []
  for (let i = 0; i < template.length; i++)
    if (template[i] === PATTERN_SLOT.charCodeAt(0)) slots.push(i)
  const code = Buffer.from(template)
  const seen = new Set<string>()
  let pool = randomBytes(POOL_BYTES)
  let at = 0
  while (seen.size < count) {
    for (const slot of slots) {
      let byte: number
      do {
        if (at === pool.length) {
          pool = randomBytes(POOL_BYTES)
          at = 0
        }
        byte = pool[at++]!
      } while (byte >= CUTOFF)
      code[slot] = ALPHABET[byte % ALPHABET.length]!
    }
    const text = code.toString('utf8')
    if (seen.has(text) || taken.has(text)) continue
    seen.add(text)
    yield text
  }
}
