import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  BOM,
  PLAIN_CSV,
  csvCell,
  csvExport,
  dialectFor,
  neutraliseFormula,
  toCsv,
} from '../../../src/main/services/files/csv'
import { exportsEn } from '../../../src/renderer/src/i18n/exports.en'
import { exportsRu } from '../../../src/renderer/src/i18n/exports.ru'

const ru = dialectFor('ru')
const en = dialectFor('en')

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
      PLAIN_CSV,
    )
    expect(doc.startsWith(BOM)).toBe(true)
    expect(doc).toBe(`${BOM}name,note\r\nAnn,"x,y"\r\nBob,\r\n`)
    // Non-ASCII survives as UTF-8.
    expect(Buffer.from(toCsv(['имя'], [['Ёж']], PLAIN_CSV)).toString('utf8')).toContain('Ёж')
  })
})

describe('csv dialect', () => {
  it('follows the language: Russian `;` with a decimal comma, English `,` with a point', () => {
    expect(ru).toMatchObject({ delimiter: ';', decimal: ',' })
    expect(en).toMatchObject({ delimiter: ',', decimal: '.' })
    expect(toCsv(['Цена', 'Штук'], [[1299.5, 3]], ru)).toBe(`${BOM}Цена;Штук\r\n1299,5;3\r\n`)
    expect(toCsv(['Price', 'Count'], [[1299.5, 3]], en)).toBe(`${BOM}Price,Count\r\n1299.5,3\r\n`)
  })

  it('keeps the decimal point in a comma-separated Russian file, where a comma splits cells', () => {
    const ruComma = dialectFor('ru', ',')
    expect(ruComma.decimal).toBe('.')
    expect(csvCell(0.25, ruComma)).toBe('0.25')
    expect(csvCell(0.25, dialectFor('ru', '\t'))).toBe('0,25')
  })

  it('quotes a field holding the delimiter, and only then', () => {
    expect(csvCell('Иванов; Пётр', ru)).toBe('"Иванов; Пётр"')
    expect(csvCell('a,b', ru)).toBe('a,b')
    expect(csvCell('a\tb', dialectFor('en', '\t'))).toBe('"a\tb"')
    expect(csvCell('a;b', en)).toBe('a;b')
    const doc = toCsv(['Имя', 'Заметка'], [['Ann', 'x;y "z"']], ru)
    expect(parse(doc, { delimiter: ';', bom: true })).toEqual([
      ['Имя', 'Заметка'],
      ['Ann', 'x;y "z"'],
    ])
  })

  it('still neutralises formulas with `;`, where `=1;2` would otherwise be two cells', () => {
    const doc = toCsv(['Комментарий'], [['=SUM(1;2)'], ['@cmd'], ['-1']], ru)
    expect(doc).toBe(`${BOM}Комментарий\r\n"'=SUM(1;2)"\r\n'@cmd\r\n'-1\r\n`)
    // Numbers we write ourselves are not text and stay numbers.
    expect(csvCell(-1.5, ru)).toBe('-1,5')
  })

  it('names a tab-separated file .tsv and keeps the BOM', () => {
    const file = csvExport('report.csv', ['a', 'b'], [[1, 2]], dialectFor('en', '\t'))
    expect(file.filename).toBe('report.tsv')
    expect(file.content).toBe(`${BOM}a\tb\r\n1\t2\r\n`)
    expect(csvExport('report.csv', ['a'], [], ru).filename).toBe('report.csv')
  })

  it('has the same columns, in the same order, in both languages', () => {
    for (const [name, columns] of Object.entries(exportsEn.columns)) {
      const russian = exportsRu.columns[name as keyof typeof exportsEn.columns]
      expect(Object.keys(russian), name).toEqual(Object.keys(columns))
    }
    expect(ru.words.columns.activity.time).toBe('Время (UTC)')
  })

  it('has no separator in a header word, so headers never need quotes', () => {
    for (const words of [exportsEn, exportsRu])
      for (const columns of Object.values(words.columns))
        for (const word of Object.values(columns)) expect(word).not.toMatch(/[,;\t"]/)
  })
})
