/** File intake strings (drop zone, picker); files.ru.ts has exactly the same keys. */
export const filesEn = {
  dropHint: 'Drop a file anywhere on this screen',
  dropNow: 'Drop the file to use it',
  choose: 'Choose a file…',
  types: 'Accepted: {types}',
  wrongType: '“{name}” is not a table file. Use one of: {types}.',
  uploading: 'Reading “{name}”…',
  /** Why a table file cannot be read, by reason; shown wherever a file is read. */
  problems: {
    empty: 'The file is empty. Export the sheet again and drop the new file.',
    binary:
      'This is not a text table (it looks like a spreadsheet workbook or an image). In Excel or Google Sheets use "Save as" / "Download" → CSV, then drop the CSV here.',
    'header-only':
      'The file has column names but no rows under them. Check you exported the right sheet.',
    'long-line':
      'The first line is very long, so this is not a table of contacts (or its rows are not separated by line breaks). Export the sheet as CSV again.',
    'long-row':
      'Row {row} is very long. The file is probably damaged or a quote is never closed; fix that row and try again.',
    'unclosed-quote':
      'A quote opened in row {row} is never closed, so the rest of the file cannot be read. Fix that row and try again.',
    'file-changed':
      '“{name}” changed since it was checked, so resuming could skip or repeat contacts. Start a new import with the file as it is now.',
    'changed-while-checked':
      'The file changed while it was being checked (it was saved, moved or cut short). Wait until it is fully saved, then drop it again.',
    unreadable:
      'The file cannot be read as a table. Export the sheet as CSV again and drop the new file.',
  },
  /** A table's column separator, as the import's review and a bulk send name it. */
  delimiters: { comma: 'Comma ,', semicolon: 'Semicolon ;', tab: 'Tab', pipe: "Pipe {'|'}" },
  /** A file's text encoding by what it is for, the code (in brackets) for support. */
  encodings: {
    'utf-8': 'Unicode (UTF-8)',
    'utf-16le': 'Unicode (UTF-16 LE)',
    'utf-16be': 'Unicode (UTF-16 BE)',
    'windows-1251': 'Cyrillic (Windows-1251)',
    'windows-1252': 'Western European (Windows-1252)',
    'windows-1254': 'Turkish (Windows-1254)',
    'koi8-r': 'Cyrillic (KOI8-R)',
  },
}
