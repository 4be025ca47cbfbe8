import { z } from 'zod'
import type { Language } from './settings'

/**
 * How a spreadsheet export is separated. Russian Excel (and LibreOffice in a Russian
 * locale) splits CSV on `;` because `,` is its decimal separator; English spreadsheets split
 * on `,`. Tab suits pasting into other tools.
 */
export const csvDelimiters = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

/** The delimiter each language's spreadsheets expect when a file is double-clicked. */
export const defaultCsvDelimiter: Record<Language, CsvDelimiter> = { en: ',', ru: ';' }

/**
 * What the marketer chose when saving: no delimiter means their language's default. Every
 * export channel takes it as `csv` (see `withCsvChoice`), the one definition.
 */
export const csvChoiceSchema = z.object({ delimiter: z.enum(csvDelimiters).optional() }).strict()
export type CsvChoice = z.infer<typeof csvChoiceSchema>

export const csvChoiceShape = { csv: csvChoiceSchema.optional() }

/**
 * An export channel's input: the screen's own (strict) object plus the marketer's `csv` choice.
 * The renderer build marks its calls pure (`pureSchemas` in electron.vite.config.ts), so
 * an export schema the window never parses with is dropped, and zod with it.
 */
export function withCsvChoice<S extends z.ZodRawShape>(schema: z.ZodObject<S, z.core.$strict>) {
  return schema.extend(csvChoiceShape)
}
