import { randomBytes } from 'node:crypto'
import { CODE_ALPHABET, PATTERN_SLOT } from '../../../shared/promo-codes'

/** Bytes drawn per refill: one call to the CSPRNG serves thousands of characters. */
const POOL_BYTES = 64 * 1024
/** Bytes at or above this are rejected so every character is equally likely (no modulo bias). */
const CUTOFF = 256 - (256 % CODE_ALPHABET.length)

/**
 * Codes from a pattern such as SPRING-XXXX-XXXX: every X is a character drawn uniformly from
 * the look-alike-free alphabet with the operating system's CSPRNG (a guessable code is a free
 * discount). `taken` holds codes that must not come out (this console's earlier uploads to
 * the list); a code drawn twice is drawn again, so all `count` codes are distinct.
 */
export function* generateCodes(
  pattern: string,
  count: number,
  taken: ReadonlySet<string> = new Set(),
): Generator<string> {
  const parts = pattern.split(PATTERN_SLOT)
  const slots = parts.length - 1
  const seen = new Set<string>()
  let pool = randomBytes(POOL_BYTES)
  let at = 0
  const next = (): string => {
    for (;;) {
      if (at === pool.length) {
        pool = randomBytes(POOL_BYTES)
        at = 0
      }
      const byte = pool[at++]!
      if (byte < CUTOFF) return CODE_ALPHABET[byte % CODE_ALPHABET.length]!
    }
  }
  while (seen.size < count) {
    let code = parts[0]!
    for (let i = 1; i <= slots; i++) code += next() + parts[i]!
    if (seen.has(code) || taken.has(code)) continue
    seen.add(code)
    yield code
  }
}
