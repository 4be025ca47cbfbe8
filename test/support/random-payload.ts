/** A small deterministic PRNG (mulberry32) so fuzz failures can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const strings = [
  '',
  'dark',
  'en',
  'ru',
  'https://evil.test',
  '<script>',
  '__proto__',
  'x'.repeat(3000),
]

/** Random JSON-ish values: what a compromised renderer or a buggy one might send. */
export function randomPayload(rnd: () => number, depth: number): unknown {
  const pick = Math.floor(rnd() * 9)
  switch (pick) {
    case 0:
      return null
    case 1:
      return undefined
    case 2:
      return rnd() * 1e9 - 5e8
    case 3:
      return rnd() < 0.5
    case 4:
      return strings[Math.floor(rnd() * strings.length)]
    case 5:
      return depth > 0
        ? Array.from({ length: Math.floor(rnd() * 4) }, () => randomPayload(rnd, depth - 1))
        : []
    default: {
      if (depth <= 0) return {}
      const keys = [
        'theme',
        'language',
        'url',
        'constructor',
        'prototype',
        '__proto__',
        'id',
        'input',
      ]
      const out: Record<string, unknown> = {}
      const n = Math.floor(rnd() * 4)
      for (let i = 0; i < n; i++) {
        out[keys[Math.floor(rnd() * keys.length)]!] = randomPayload(rnd, depth - 1)
      }
      return out
    }
  }
}
