import { describe, expect, it } from 'vitest'
import { tableEncodings } from '../../../src/shared/table-file'
import { encodingKey } from '../../../src/renderer/src/components/table-file/encoding-name'
import { en } from '../../../src/renderer/src/i18n/en'
import { ru } from '../../../src/renderer/src/i18n/ru'

const lookup = (catalogue: object, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue)

const plain = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '')

describe('file encodings in the marketer’s words', () => {
  it('names every encoding a file can be read in, in both languages, keeping the code for support', () => {
    for (const encoding of tableEncodings) {
      for (const catalogue of [en, ru]) {
        const name = lookup(catalogue, encodingKey(encoding)) as string
        expect(typeof name, encoding).toBe('string')
        // "Cyrillic (Windows-1251)": what it is for first, then the code support asks for.
        const code = /\(([^)]+)\)$/.exec(name)?.[1] ?? ''
        expect(plain(code), name).toBe(plain(encoding))
      }
    }
  })
})
