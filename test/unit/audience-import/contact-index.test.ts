import { describe, expect, it } from 'vitest'
import { ContactIndex, textHash } from '../../../src/main/services/audience-import/contact-index'

const bytes = (s: string) => Buffer.from(s)

describe('the de-duplication index', { timeout: 30_000 }, () => {
  it('keeps two different emails apart even when their hashes are equal', () => {
    // FNV-1a's known collision of two nine-letter words carries over to any common suffix.
    const pair = ['declinate@example.com', 'macallums@example.com']
    const [a, b] = pair.map(bytes) as [Buffer, Buffer]
    expect(a.length).toBe(b.length)
    expect(textHash(a, 0, a.length)).toBe(textHash(b, 0, b.length))
    const index = new ContactIndex()
    index.setBytes(a, 0, a.length, 1)
    expect(index.getBytes(b, 0, b.length)).toBe(-1)
    index.setBytes(b, 0, b.length, 2)
    expect(index.getBytes(a, 0, a.length)).toBe(1)
    expect(index.getBytes(b, 0, b.length)).toBe(2)
  })

  it.each([false, true])(
    'answers as a Map would, through growth, overwrites and keys of every kind (room made: %s)',
    (reserves) => {
      const index = new ContactIndex()
      const texts = new Map<string, number>()
      const phones = new Map<number | string, number>()
      let seed = 1
      const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
      for (let line = 0; line < 60_000; line++) {
        // Room made for more keys than will come, part way, as the merge does after a piece.
        if (reserves && line === 1000) index.reserve(150_000)
        const email = `${Math.floor(rnd() * 30_000)}@${rnd() < 0.1 ? 'пример.рф' : 'example.com'}`
        const b = bytes(`xx${email}yy`)
        expect(index.getBytes(b, 2, b.length - 2)).toBe(texts.get(email) ?? -1)
        index.setBytes(b, 2, b.length - 2, line)
        texts.set(email, line)
        const phone =
          rnd() < 0.05
            ? `custom ${Math.floor(rnd() * 100)}`
            : 79_000_000_000 + Math.floor(rnd() * 30_000)
        expect(index.getPhone(phone)).toBe(phones.get(phone) ?? -1)
        index.setPhone(phone, line)
        phones.set(phone, line)
      }
      expect(index.getPhone(999_999_999_999_999)).toBe(-1)
      expect(index.getBytes(bytes(''), 0, 0)).toBe(-1)
    },
  )
})

describe('the index’s key pages', () => {
  it('finds keys across page ends and keys longer than a page, and nothing they do not hold', () => {
    const index = new ContactIndex()
    const keys: Buffer[] = []
    // About 3 MiB of keys of mixed lengths: several pages, keys that do not fit a page's rest.
    for (let i = 0; keys.length < 30_000; i++) keys.push(bytes(`${'x'.repeat(i % 200)}${i}@ex.com`))
    keys.push(
      bytes('L'.repeat(2.5 * 2 ** 20)),
      bytes('M'.repeat(2 ** 20 + 1)),
      bytes('short@ex.com'),
    )
    keys.forEach((k, line) => index.setBytes(k, 0, k.length, line))
    keys.forEach((k, line) => expect(index.getBytes(k, 0, k.length)).toBe(line))
    const almost = bytes('L'.repeat(2.5 * 2 ** 20 - 1) + 'M')
    expect(index.getBytes(almost, 0, almost.length)).toBe(-1)
    expect(index.getBytes(bytes('0@ex.co'), 0, 7)).toBe(-1)
  })
})
