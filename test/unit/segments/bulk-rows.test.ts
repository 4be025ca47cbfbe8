import { describe, expect, it } from 'vitest'
import { classify, review } from '../../../src/main/services/segments/bulk-rows'
import { readContact } from '../../../src/main/services/segments/contact'

async function* rows(list: [string, string][]) {
  for (const [i, [email, phone]] of list.entries()) yield { rowNumber: i + 2, email, phone }
}

const all = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('bulk rows', () => {
  it('reads contacts as the import does and says why a row is not sent', async () => {
    const out = await all(
      classify(
        rows([
          [' Anna@Example.COM ', ''],
          ['', '8 (916) 123-45-67'],
          ['broken@', ''],
          ['', '12'],
          ['', ''],
          ['anna@example.com', ''],
          ['', '+7 916 123 45 67'],
        ]),
        'RU',
      ),
    )
    expect(out.map((r) => [r.rowNumber, r.email, r.phone, r.rejection])).toEqual([
      [2, 'anna@example.com', null, null],
      [3, null, '79161234567', null],
      [4, null, null, 'email-invalid'],
      [5, null, null, 'phone-invalid'],
      [6, null, null, 'no-identifier'],
      [7, 'anna@example.com', null, 'duplicate'],
      [8, null, '79161234567', 'duplicate'],
    ])
    expect(out[2]?.raw).toBe('broken@')
  })

  it('counts valid, rejected and duplicate rows for the review', async () => {
    const r = await review(
      classify(
        rows([
          ['a@example.com', ''],
          ['a@example.com', ''],
          ['x', ''],
        ]),
        'US',
      ),
    )
    expect(r).toEqual({
      total: 3,
      valid: 1,
      rejected: 1,
      duplicates: 1,
      samples: [
        { row: 3, value: 'a@example.com', reason: 'duplicate' },
        { row: 4, value: 'x', reason: 'email-invalid' },
      ],
    })
  })

  it('reads a typed contact: an address by its "@", anything else as a phone', () => {
    expect(readContact('MAILTO:Bob@Example.com', 'RU')).toEqual({
      email: 'bob@example.com',
      phone: null,
    })
    expect(readContact('8 916 123-45-67', 'RU')).toEqual({ email: null, phone: '79161234567' })
    expect(() => readContact('bob', 'RU')).toThrow(/email address or a phone number/)
  })
})
