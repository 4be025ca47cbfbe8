/**
 * A tiny seeded PRNG. Faker is used for human-looking strings, but bulk data (tens of
 * thousands of NPS reviews, promo codes) comes from this: it is much faster than faker
 * and lets every lazily generated part have its own derived seed, so the data does not
 * depend on the order in which tests happen to read it.
 */
export interface Rng {
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  digits(n: number): string
  code(n: number): string
}

/** mulberry32: 32-bit state, good enough distribution for demo data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick() from an empty list')
      return item
    },
    digits(n) {
      let s = ''
      for (let i = 0; i < n; i++) s += String(int(0, 9))
      return s
    },
    code(n) {
      let s = ''
      for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)]
      return s
    },
  }
}

/** FNV-1a over the parts: derives independent seeds for independent data sets. */
export function deriveSeed(...parts: (string | number)[]): number {
  // Over the code points of `parts.join('|')`, without building that string: a new
  // profile derives its client id from this, so an import calls it once a row.
  let h = 0x811c9dc5
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) h = Math.imul(h ^ 0x7c, 0x01000193) >>> 0
    const text = String(parts[p])
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!
      if (code > 0xffff) i++
      h = Math.imul(h ^ code, 0x01000193) >>> 0
    }
  }
  return h >>> 0
}
