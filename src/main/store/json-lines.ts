import { readFile } from 'node:fs/promises'

/**
 * Every readable line of a JSON-lines file, oldest first. A missing file has none; a line
 * torn by a crash, or one `parse` refuses, is skipped: the rest is still good.
 */
export async function readJsonLines<T>(
  file: string,
  parse: (raw: unknown) => T | null = (raw) => raw as T,
): Promise<{ lines: T[]; skipped: number; torn: boolean }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { lines: [], skipped: 0, torn: false }
    throw err
  }
  const lines: T[] = []
  let skipped = 0
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue
    let value: T | null
    try {
      value = parse(JSON.parse(raw))
    } catch {
      value = null
    }
    if (value === null) skipped++
    else lines.push(value)
  }
  // A last line without its newline: the next append must start a line of its own.
  return { lines, skipped, torn: text.length > 0 && !text.endsWith('\n') }
}
