/**
 * CSV for spreadsheets (RFC 4180): CRLF rows, fields quoted when they hold the delimiter, a
 * quote, CR or LF, quotes doubled. UTF-8 with a BOM so Excel does not misread non-ASCII text.
 * Text cells starting with = + - @ TAB or CR get a leading apostrophe: a spreadsheet would
 * otherwise run them as formulas (CSV injection), and exported data comes from customers.
 *
 * The dialect follows the marketer's language, so a double-clicked file opens in columns:
 * Russian spreadsheets split on `;` and read `3,5` as a number, English ones split on `,`.
 * Dates stay ISO 8601 in UTC (`2025-01-02T03:04:05.000Z`, the column header says UTC):
 * a locale format ("02.01.2025 06:04") would drop the zone and read differently from one
 * spreadsheet's locale to another's, while ISO sorts, re-imports and means one instant.
 */
import type { CsvDelimiter } from '../../../shared/csv-export'
import { defaultCsvDelimiter } from '../../../shared/csv-export'
import type { ExportedFile } from '../../../shared/files'
import type { Language } from '../../../shared/settings'
import { exportsEn } from '../../../renderer/src/i18n/exports.en'
import { exportsRu } from '../../../renderer/src/i18n/exports.ru'

export type CsvValue = string | number | boolean | null | undefined | Date

export const BOM = '\uFEFF'

export type ExportWords = typeof exportsEn

export interface CsvDialect {
  language: Language
  delimiter: CsvDelimiter
  /** Between the whole and the fractional part of the non-integer numbers we write. */
  decimal: '.' | ','
  /** Column headers and cell words in the marketer's language. */
  words: ExportWords
}

/**
 * The marketer's language with the separator they chose (their language's default when
 * none): a decimal comma in Russian, except in a comma-separated file, where it would
 * read as two cells.
 */
export function dialectFor(language: Language, delimiter?: CsvDelimiter): CsvDialect {
  const sep = delimiter ?? defaultCsvDelimiter[language]
  return {
    language,
    delimiter: sep,
    decimal: language === 'ru' && sep !== ',' ? ',' : '.',
    words: language === 'ru' ? exportsRu : exportsEn,
  }
}

/** English, comma-separated: for files nobody opens in a spreadsheet (and tests). */
export const PLAIN_CSV = dialectFor('en', ',')

const FORMULA_START = /^[=+\-@\t\r]/

/** Neutralises formula triggers in text; numbers we produce ourselves are left alone. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function numberText(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return ''
  const text = String(value)
  return Number.isInteger(value) ? text : text.replace('.', dialect.decimal)
}

export function csvCell(value: CsvValue, dialect: CsvDialect = PLAIN_CSV): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (value instanceof Date) text = value.toISOString()
  else if (typeof value === 'number') text = numberText(value, dialect)
  else if (typeof value === 'boolean') text = value ? 'true' : 'false'
  else text = neutraliseFormula(value)
  const quote = text.includes(dialect.delimiter) || /["\r\n]/.test(text)
  return quote ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly CsvValue[], dialect: CsvDialect = PLAIN_CSV): string {
  return values.map((v) => csvCell(v, dialect)).join(dialect.delimiter)
}

/** A whole document: BOM, header row, data rows, CRLF after each row. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  dialect: CsvDialect,
): string {
  const lines = [csvRow(header, dialect)]
  for (const row of rows) lines.push(csvRow(row, dialect))
  return BOM + lines.join('\r\n') + '\r\n'
}

/** A tab-separated file is named `.tsv`, so the OS and the save dialog know it for one. */
export function csvFileName(name: string, dialect: CsvDialect): string {
  return dialect.delimiter === '\t' ? name.replace(/\.csv$/i, '') + '.tsv' : name
}

/** An export as the window downloads it. */
export function csvExport(
  filename: string,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  dialect: CsvDialect,
): ExportedFile {
  return {
    filename: csvFileName(filename, dialect),
    mimeType: dialect.delimiter === '\t' ? 'text/tab-separated-values' : 'text/csv;charset=utf-8',
    content: toCsv(header, rows, dialect),
  }
}

/**
 * The header row of one export: the catalogue's words for it, in the catalogue's order
 * (exports.ru.ts keeps exports.en.ts's key order; a unit test checks).
 */
export function headerOf(columns: Record<string, string>): string[] {
  return Object.values(columns)
}
