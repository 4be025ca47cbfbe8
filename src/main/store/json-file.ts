import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { z } from 'zod'

/**
 * Atomic write: a crash mid-write leaves either the old file or the new one, never half
 * of each. The temp file is fsynced before the rename so the rename cannot outrun the data.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // Unique per write: two writes in the same millisecond must not share a temp file.
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`
  await writeFile(tmp, data, { mode })
  const fh = await open(tmp, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
  await rename(tmp, path)
}

/**
 * Read a JSON file and validate it. A missing or corrupt file yields the fallback: a
 * broken settings file must never stop the console from starting.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return fallback
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n')
}
