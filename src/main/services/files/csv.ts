/**
 * CSV for spreadsheets (RFC 4180): CRLF rows, fields quoted when they hold a comma, quote,
 * CR or LF, quotes doubled. UTF-8 with a BOM so Excel does not misread non-ASCII text.
 * Text cells starting with = + - @ TAB or CR get a leading apostrophe: a spreadsheet would
 * otherwise run them as formulas (CSV injection), and exported data comes from customers.
 */
export type CsvValue = string | number | boolean | null | undefined | Date

export const BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/

/** Neutralises formula triggers in text; numbers we produce ourselves are left alone. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (value instanceof Date) text = value.toISOString()
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : ''
  else if (typeof value === 'boolean') text = value ? 'true' : 'false'
  else text = neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',')
}

/** A whole document: header row, data rows, CRLF after each row, BOM first by default. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: { bom?: boolean } = {},
): string {
  const lines = [csvRow(header)]
  for (const row of rows) lines.push(csvRow(row))
  return (options.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n'
}
