import { AppFailure } from '../../../shared/errors'

/** Clear, marketer-facing failures for files that are not usable tables. */
export const tableErrors = {
  empty: () =>
    new AppFailure(
      'INVALID_INPUT',
      'The file is empty. Export the sheet again and drop the new file.',
      {
        reason: 'empty',
      },
    ),
  headerOnly: () =>
    new AppFailure(
      'INVALID_INPUT',
      'The file has column names but no rows under them. Check you exported the right sheet.',
      { reason: 'header-only' },
    ),
  longLine: (limitKb: number) =>
    new AppFailure(
      'INVALID_INPUT',
      `The first line is longer than ${limitKb} KB, so this is not a table of contacts (or its rows are not separated by line breaks). Export the sheet as CSV again.`,
      { reason: 'long-line' },
    ),
  longRow: (rowNumber: number, limitKb: number) =>
    new AppFailure(
      'INVALID_INPUT',
      `Row ${rowNumber} is longer than ${limitKb} KB. The file is probably damaged or a quote is never closed; fix that row and try again.`,
      { reason: 'long-row', row: rowNumber },
    ),
  unclosedQuote: (rowNumber: number) =>
    new AppFailure(
      'INVALID_INPUT',
      `A quote opened in row ${rowNumber} is never closed, so the rest of the file cannot be read. Fix that row and try again.`,
      { reason: 'unclosed-quote', row: rowNumber },
    ),
  changedWhileChecked: () =>
    new AppFailure(
      'INVALID_INPUT',
      'The file changed while it was being checked (it was saved, moved or cut short), so the check would not match the file. Wait until the file is fully saved, then check it again.',
      { reason: 'changed-while-checked' },
    ),
  unreadable: (why: string) =>
    new AppFailure('INVALID_INPUT', `The file cannot be read as a table: ${why}`, {
      reason: 'unreadable',
    }),
}
