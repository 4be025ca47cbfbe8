/**
 * The encodings and delimiters a table file may have: plain values, apart from the schemas
 * in `table-file.ts`, so the import's checking threads load no schema library.
 */
export const tableEncodings = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'windows-1252',
  'windows-1254',
  'koi8-r',
] as const
export type TableEncoding = (typeof tableEncodings)[number]

export const tableDelimiters = [',', ';', '\t', '|'] as const
export type TableDelimiter = (typeof tableDelimiters)[number]
