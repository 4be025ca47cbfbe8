import { describe, expect, it } from 'vitest'
import { BOM, csvCell, neutraliseFormula, toCsv } from '../../../src/main/services/files/csv'

describe('csv writer', () => {
  it('quotes per RFC 4180: comma, quote, CR, LF; doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(true)).toBe('true')
    expect(csvCell(new Date('2025-01-02T03:04:05Z'))).toBe('2025-01-02T03:04:05.000Z')
  })

  it('neutralises formula triggers in text cells', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(t)).toBe(`'${t}`)
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(neutraliseFormula('a=1')).toBe('a=1')
    expect(neutraliseFormula('')).toBe('')
  })

  it('writes a BOM, a header and CRLF-terminated rows', () => {
    const doc = toCsv(
      ['name', 'note'],
      [
        ['Ann', 'x,y'],
        ['Bob', null],
      ],
    )
    expect(doc.startsWith(BOM)).toBe(true)
    expect(doc).toBe(`${BOM}name,note\r\nAnn,"x,y"\r\nBob,\r\n`)
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n')
    // Non-ASCII survives as UTF-8.
    expect(Buffer.from(toCsv(['имя'], [['Ёж']])).toString('utf8')).toContain('Ёж')
  })
})
