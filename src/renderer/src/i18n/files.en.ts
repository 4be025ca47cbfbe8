/** File intake strings (drop zone, picker); files.ru.ts has exactly the same keys. */
export const filesEn = {
  dropHint: 'Drop a file anywhere on this screen',
  dropNow: 'Drop the file to use it',
  choose: 'Choose a file…',
  types: 'Accepted: {types}',
  wrongType: '“{name}” is not a table file. Use one of: {types}.',
  uploading: 'Reading “{name}”…',
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
