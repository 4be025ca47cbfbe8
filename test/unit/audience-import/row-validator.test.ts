import { describe, expect, it } from 'vitest'
import {
  jsonValue,
  rowValidator,
  type RowValidatorConfig,
} from '../../../src/main/services/audience-import/row-validator'
import type { ColumnMapping } from '../../../src/shared/import'

/** The row to upload is written as text; it must be what JSON.stringify writes, byte for byte. */
describe('the row to upload as JSON', () => {
  it('writes every value as JSON.stringify does', () => {
    const values: (string | number | boolean)[] = [
      'plain',
      '',
      'Мария',
      'Zoë 😀',
      'quote " and \\ backslash',
      'tab\there, line\nbreak, cr\r, nul\u0000, bell\u0007, unit sep\u001f, del\u007f',
      'line sep\u2028 para sep\u2029',
      'lone high \ud800 and low \udfff surrogates',
      '</script>',
      0,
      42,
      9007199254740991,
      true,
      false,
    ]
    for (let c = 0; c < 0x80; c++) values.push(`a${String.fromCharCode(c)}b`)
    for (const v of values) expect(jsonValue(v), JSON.stringify(v)).toBe(JSON.stringify(v))
  })

  const config = (mapping: ColumnMapping): RowValidatorConfig => ({
    mapping,
    mode: 'audience',
    country: 'RU',
    dateOrder: 'dmy',
  })
  const expected = (mapping: ColumnMapping, fields: string[], row: Record<string, unknown>) => {
    const line = rowValidator(config(mapping))(fields).line
    expect(line).toBe(JSON.stringify(row) + '\n')
  }

  it('keeps the key order of an object filled column by column', () => {
    const mapping: ColumnMapping = [
      { kind: 'custom', key: 'colour' },
      { kind: 'field', field: 'email' },
      { kind: 'ignore' },
      { kind: 'field', field: 'age' },
      { kind: 'field', field: 'email_bulk' },
    ]
    expected(mapping, ['red "dark"', 'A@Example.com', 'x', '1 000', 'да'], {
      colour: 'red "dark"',
      email: 'a@example.com',
      age: 1000,
      email_bulk: true,
    })
  })

  it('a key set by two columns or placed first by JavaScript: as the object has it', () => {
    // Numeric keys come first in an object; a later column overwrites in the first place.
    expected(
      [
        { kind: 'custom', key: 'b' },
        { kind: 'field', field: 'email' },
        { kind: 'custom', key: '7' },
        { kind: 'custom', key: 'b' },
      ],
      ['one', 'a@example.com', 'seven', 'two'],
      { 7: 'seven', b: 'two', email: 'a@example.com' },
    )
    // An empty cell sets nothing: the key takes the place of the column that set it.
    expected(
      [
        { kind: 'custom', key: 'b' },
        { kind: 'field', field: 'email' },
        { kind: 'custom', key: 'b' },
      ],
      ['', 'a@example.com', 'two'],
      { email: 'a@example.com', b: 'two' },
    )
  })
})
