import chardet from 'chardet'
import iconv from 'iconv-lite'
import { AppFailure } from '../../../shared/errors'
import type { TableEncoding } from '../../../shared/table-file'

export interface SniffedEncoding {
  encoding: TableEncoding
  bom: boolean
}

/**
 * Guesses the text encoding of a file's first bytes. A BOM is certain; valid UTF-8 is
 * almost certain (legacy 8-bit text is practically never valid UTF-8); otherwise we choose
 * among the 8-bit code pages our marketers' spreadsheets use. chardet alone is unreliable
 * on a few short rows (it calls most Cyrillic and Turkish samples ISO-8859-1), so the
 * family is decided by byte patterns first and chardet only breaks the Latin tie.
 */
export function sniffEncoding(sample: Buffer, isWholeFile: boolean): SniffedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bom: true }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  const utf16 = utf16WithoutBom(sample)
  if (utf16) return { encoding: utf16, bom: false }
  if (looksBinary(sample)) {
    throw new AppFailure(
      'INVALID_INPUT',
      'This is not a text table (it looks like a binary file, such as a spreadsheet workbook or an image). In Excel or Google Sheets use "Save as" / "Download" → CSV, then drop the CSV here.',
      { reason: 'binary' },
    )
  }
  if (isUtf8(sample, isWholeFile)) return { encoding: 'utf-8', bom: false }
  return { encoding: guessEightBit(sample), bom: false }
}

/**
 * The character a decoder puts where bytes are not valid in the chosen encoding. A field
 * holding it was damaged by decoding: the row must be reported, never uploaded as is.
 */
export const REPLACEMENT_CHARACTER = '\uFFFD'

/**
 * Which encoding the lines of a UTF-8 file that are not valid UTF-8 are probably in (a
 * file whose tail another program saved): the guess from those lines alone, since valid
 * UTF-8 text around them would mislead the 8-bit heuristics. Null when there is no better
 * guess.
 */
export function suggestEncoding(sample: Buffer, chosen: TableEncoding): TableEncoding | null {
  if (chosen !== 'utf-8') return null
  const strict = new TextDecoder('utf-8', { fatal: true })
  const broken: Buffer[] = []
  let start = 0
  while (start < sample.length) {
    const nl = sample.indexOf(0x0a, start)
    const end = nl === -1 ? sample.length : nl + 1
    const line = sample.subarray(start, end)
    try {
      strict.decode(line)
    } catch {
      broken.push(line)
    }
    start = end
  }
  if (!broken.length) return null
  try {
    const guess = sniffEncoding(Buffer.concat(broken), true).encoding
    return guess === chosen ? null : guess
  } catch {
    return null
  }
}

/** UTF-16 without a BOM: ASCII text then has a zero in every other byte. */
function utf16WithoutBom(sample: Buffer): TableEncoding | null {
  const n = Math.min(sample.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++
    if (sample[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

/** NUL bytes or many control characters: no spreadsheet export contains those. */
function looksBinary(sample: Buffer): boolean {
  const n = Math.min(sample.length, 8192)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = sample[i]!
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  return n > 0 && control / n > 0.02
}

function isUtf8(sample: Buffer, isWholeFile: boolean): boolean {
  // A sample cut mid-character must not fail the check: drop up to 3 trailing bytes.
  let end = sample.length
  if (!isWholeFile) {
    let back = 0
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1]! & 0xc0) === 0x80) back++
    const lead = sample[end - back - 1]
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end))
    return true
  } catch {
    return false
  }
}

// Frequent lowercase Russian letters: correct Cyrillic decoding produces many of them;
// the wrong one of windows-1251 / KOI8-R produces mostly capitals and rare letters.
const RUSSIAN_COMMON = new Set('оеаинтсрвлкмдпуяыь')

function guessEightBit(sample: Buffer): TableEncoding {
  let high = 0
  let inRun = 0
  let runBytes = 0
  for (const b of sample) {
    if (b >= 0xc0) {
      high++
      inRun++
    } else {
      if (inRun >= 3) runBytes += inRun
      inRun = 0
    }
  }
  if (inRun >= 3) runBytes += inRun
  // Cyrillic words are whole runs of high bytes; accented Latin letters sit alone in words.
  if (high > 0 && runBytes / high > 0.5) {
    const score = (enc: string) =>
      [...iconv.decode(sample, enc)].filter((c) => RUSSIAN_COMMON.has(c)).length
    return score('koi8-r') > score('windows-1251') ? 'koi8-r' : 'windows-1251'
  }
  // Ğ İ Ş ğ ı ş sit where windows-1252 has Ð Ý Þ ð ý þ, letters Western text hardly uses.
  if (/[ÐÝÞðýþ]/.test(iconv.decode(sample, 'windows-1252'))) return 'windows-1254'
  const top = chardet.analyse(sample)[0]?.name ?? ''
  return /8859-9|1254/.test(top) ? 'windows-1254' : 'windows-1252'
}
