import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import type { BulkRow } from './bulk-rows'

/**
 * A bulk job's own copy of its recipients: the rows it will send, as read once when it
 * started. The journal keys rows by row number, so resume must see the same rows in the
 * same places; a sheet edited, moved or deleted since must not shift anyone.
 */

/** Writes every row (one JSON line each) and returns how many; complete or not there at all. */
export async function writeSnapshot(file: string, rows: AsyncIterable<BulkRow>): Promise<number> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  const part = `${file}.part`
  const fh = await open(part, 'w', 0o600)
  let n = 0
  try {
    for await (const row of rows) {
      const line = { n: row.rowNumber, f: row.fields, ...(row.undecodable ? { u: 1 } : {}) }
      await fh.write(JSON.stringify(line) + '\n')
      n++
    }
    await fh.datasync()
  } catch (err) {
    await fh.close()
    await rm(part, { force: true })
    throw err
  }
  await fh.close()
  await rename(part, file)
  return n
}

/** The rows of a snapshot, in file order, streamed. */
export async function* readSnapshot(file: string): AsyncIterable<BulkRow> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line === '') continue
    const { n, f, u } = JSON.parse(line) as { n: number; f: string[]; u?: 1 }
    yield u ? { rowNumber: n, fields: f, undecodable: true } : { rowNumber: n, fields: f }
  }
}
