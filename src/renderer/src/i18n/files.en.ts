/** File intake strings (drop zone, picker); files.ru.ts has exactly the same keys. */
export const filesEn = {
  dropHint: 'Drop a file anywhere on this screen',
  dropNow: 'Drop the file to use it',
  choose: 'Choose a file…',
  types: 'Accepted: {types}',
  wrongType: '“{name}” is not a table file. Use one of: {types}.',
  uploading: 'Reading “{name}”…',
}
