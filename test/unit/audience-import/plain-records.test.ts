import { parse } from 'csv-parse/sync'
import type { TableReadSettings } from '../../../src/shared/table-file'
import { describe, expect, it } from 'vitest'
import { parserOptions } from '../../../src/main/services/table-file/read'
import {
  eachPlainRecord,
  parsePlainRecords,
  recordAt,
} from '../../../src/main/services/table-file/segments'

/**
 * The pieces of a large file are parsed by a strict RFC 4180 reader that hands anything
 * else to csv-parse. Whatever it accepts, it must read exactly as csv-parse does with the
 * reader's options: compared here on many random texts made of the characters that matter.
 */
const MAX = 1024 * 1024

function csvParse(
  text: string,
  delimiter: TableReadSettings['delimiter'],
  max = MAX,
): string[][] | Error {
  const settings: TableReadSettings = {
    encoding: 'utf-8',
    delimiter,
    hasHeader: true,
    sepLine: false,
  }
  try {
    return parse(text, parserOptions(settings, max)) as string[][]
  } catch (err) {
    return err as Error
  }
}

function randomText(rnd: () => number, alphabet: readonly string[], length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)]
  return s
}

/** Records of random fields, some quoted (with anything inside), joined by random line ends. */
function randomTable(rnd: () => number, delimiter: string): string {
  const any = ['a', ' ', 'é', '😀', '"', delimiter, '\r', '\n']
  const plain = ['a', ' ', 'é', '😀', delimiter, delimiter]
  const ends = ['\n', '\r\n', '\r', '\n\n', '']
  let s = ''
  for (let r = Math.floor(rnd() * 4); r >= 0; r--) {
    for (let f = Math.floor(rnd() * 4); f >= 0; f--) {
      s +=
        rnd() < 0.4
          ? `"${randomText(rnd, any, Math.floor(rnd() * 6)).replaceAll('"', '""')}"`
          : randomText(rnd, plain, Math.floor(rnd() * 6))
      if (f) s += delimiter
    }
    s += ends[Math.floor(rnd() * ends.length)]
  }
  return s
}

describe('the strict reader of pieces', () => {
  it('reads every text it accepts exactly as csv-parse does', () => {
    let seed = 11
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    let accepted = 0
    let quoted = 0
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const alphabet = ['a', ' ', 'é', '😀', '"', '""', delimiter, delimiter, '\r', '\n', '\r\n']
      for (let k = 0; k < 6000; k++) {
        const text =
          k % 2 ? randomText(rnd, alphabet, Math.floor(rnd() * 40)) : randomTable(rnd, delimiter)
        const plain = parsePlainRecords(text, delimiter, MAX)
        // As the pieces of a UTF-8 file are read: bytes seen as Latin-1, decoded per field.
        const bytes = Buffer.from(text)
        const places: number[] = []
        const fromBytes = parsePlainRecords(bytes.toString('latin1'), delimiter, MAX, bytes, places)
        expect(fromBytes).toEqual(plain)
        // Each record read again from its place alone (for the error report) is the same.
        fromBytes?.forEach((record, k) => {
          if (record.every((f) => f === '')) return // blank: never a row, never reported
          expect(recordAt(bytes, places[2 * k]!, places[2 * k + 1]!, delimiter)).toEqual(record)
        })
        if (plain === null) continue
        accepted++
        if (text.includes('"')) quoted++
        expect(plain, JSON.stringify(text)).toEqual(csvParse(text, delimiter))
      }
    }
    // The comparison covered many texts, quoted fields among them.
    expect(accepted).toBeGreaterThan(10_000)
    expect(quoted).toBeGreaterThan(5000)
  })

  it('reads the shapes of real exports as csv-parse does', () => {
    for (const text of [
      '',
      '\n',
      '\r\n\r\n',
      'a',
      'a,',
      ',',
      'a,b\n',
      'a,b\r\n,\r\n',
      'a\rb\r',
      '"a,b","c""d",e\n',
      '"line\nbreak","cr\rin it"\r\n"",x',
      '"""quoted"""',
      'Zoë,Ayşe,Пётр,"Smith, Jr"\n',
    ]) {
      expect(parsePlainRecords(text, ',', MAX), JSON.stringify(text)).toEqual(csvParse(text, ','))
    }
  })

  it('leaves to csv-parse what only its leniency reads, and records near the limit', () => {
    for (const text of ['a"b,c', '"a"b,c', '"open', 'a, "b"', '"a" ,b'])
      expect(parsePlainRecords(text, ',', MAX), text).toBeNull()
    expect(parsePlainRecords('a'.repeat(400), ',', 1000)).toBeNull()
    expect(parsePlainRecords('a'.repeat(300), ',', 1000)).toEqual([['a'.repeat(300)]])
  })
})

describe('a large piece read a record at a time', () => {
  it('gives the records and places of the whole piece, across the blocks it is read in', () => {
    let seed = 5
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
    const settings: TableReadSettings = {
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: true,
      sepLine: false,
    }
    for (let k = 0; k < 6; k++) {
      // ~300 KiB of records, long quoted fields with line ends among them, so that blocks
      // of 64 KiB end inside quotes and inside multi-byte characters.
      let text = k % 2 ? '\ufeff' : ''
      while (text.length < 300_000) {
        const quoted = `"${'Мария\n"", '.repeat(Math.floor(rnd() * 400))}"`
        text += `a${Math.floor(rnd() * 1e6)},${rnd() < 0.3 ? quoted : 'Zoë'},😀\r\n`
      }
      const bytes = Buffer.from(text)
      // The whole piece as one string, read by the strict reader in one go.
      const utf8 = k % 2 ? bytes.subarray(3) : bytes
      const wholePlaces: number[] = []
      const whole = {
        text: utf8,
        records: parsePlainRecords(utf8.toString('latin1'), ',', MAX, utf8, wholePlaces),
        places: wholePlaces,
      }
      const records: string[][] = []
      const places: number[] = []
      const read = eachPlainRecord(bytes, settings, true, MAX, (fields, from, to) => {
        records.push(fields)
        places.push(from, to)
      })
      // The same text (a deep comparison of half a megabyte would take seconds).
      expect(read && whole.text && Buffer.compare(read, whole.text)).toBe(0)
      expect(records).toEqual(whole.records)
      expect(places).toEqual(whole.places)
    }
  })

  it('leaves a piece the strict reader cannot read to the whole-piece reading', () => {
    const settings: TableReadSettings = {
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: true,
      sepLine: false,
    }
    const bytes = Buffer.from('a,b\n'.repeat(40_000) + 'a"b,c\n')
    expect(eachPlainRecord(bytes, settings, true, MAX, () => {})).toBeNull()
  })
})
