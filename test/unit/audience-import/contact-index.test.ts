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

  it('answers as a Map would, through growth, overwrites and keys of every kind', () => {
    const index = new ContactIndex()
    const texts = new Map<string, number>()
    const phones = new Map<number | string, number>()
    let seed = 1
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    for (let line = 0; line < 60_000; line++) {
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
  })
})
