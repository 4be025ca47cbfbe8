import type { TableEncoding } from '../../../../shared/table-file'

/**
 * The catalogue key of a file encoding's name: marketers read "Cyrillic (Windows-1251)",
 * the value sent to main stays the code.
 */
export const encodingKey = (encoding: TableEncoding): string => `files.encodings.${encoding}`
