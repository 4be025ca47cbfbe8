import { describe, expect, it } from 'vitest'
import { RecordBoundaryScanner } from '../../../src/main/services/table-file'
import type { TableReadSettings } from '../../../src/shared/table-file'
import { RecordBoundaryScanner as ByteByByte } from './reference/record-boundaries'

/** Every boundary the scanner reports, reading `bytes` in the chunks `cuts` makes. */
function boundaries(scanner: { scan(chunk: Uint8Array): number }, bytes: Buffer, cuts: number[]) {
  const found: number[] = []
  let from = 0
  for (const to of [...cuts, bytes.length]) {
    const last = scanner.scan(bytes.subarray(from, to))
    found.push(last === -1 ? -1 : from + last)
    from = to
  }
  return found
}

describe('where the pieces of a file are cut', () => {
  it('at the same record ends as a byte-by-byte reading, on random text in random chunks', () => {
    let seed = 3
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
    // Short tokens so quotes, delimiters and line ends meet in every order, and long ones
    // so stretches without a quote are long too.
    const tokens = ['"', '""', ',', ';', '\n', '\r\n', '\r', 'a', 'Мария', ' ', 'x'.repeat(80)]
    for (let n = 0; n < 3000; n++) {
      const settings: TableReadSettings = {
        encoding: pick(['utf-8', 'windows-1251'] as const),
        delimiter: pick([',', ';']),
        hasHeader: true,
        sepLine: false,
      }
      let text = rnd() < 0.3 ? '\ufeff' : ''
      const length = 1 + Math.floor(rnd() * 60)
      for (let k = 0; k < length; k++) text += pick(tokens)
      const bytes = Buffer.from(text)
      const cuts = Array.from({ length: Math.floor(rnd() * 5) }, () =>
        Math.floor(rnd() * bytes.length),
      ).sort((a, b) => a - b)
      expect([text, cuts, boundaries(new RecordBoundaryScanner(settings), bytes, cuts)]).toEqual([
        text,
        cuts,
        boundaries(new ByteByByte(settings), bytes, cuts),
      ])
    }
  })
})
