import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../store/json-file'

/**
 * Where one kind of job keeps its jobs: a folder each, `<root>/<id>/`, with `job.json`
 * (what the job is, written atomically) and `journal.jsonl` (what happened to its units).
 * Anything else a kind needs (rows to upload, issues found) goes in the same folder.
 */
export class JobFolders<Record> {
  constructor(
    readonly root: string,
    private readonly schema: z.ZodType<Record>,
  ) {}

  dirOf(id: string): string {
    return join(this.root, id)
  }

  journalOf(id: string): string {
    return join(this.dirOf(id), 'journal.jsonl')
  }

  /** Every readable job record; a folder with a missing or broken `job.json` is skipped. */
  async loadAll(): Promise<Record[]> {
    await mkdir(this.root, { recursive: true, mode: 0o700 })
    const out: Record[] = []
    for (const id of await readdir(this.root)) {
      const rec = await readJsonFile(join(this.dirOf(id), 'job.json'), this.schema.nullable(), null)
      if (rec !== null) out.push(rec)
    }
    return out
  }

  save(id: string, rec: Record): Promise<void> {
    return writeJsonFile(join(this.dirOf(id), 'job.json'), rec)
  }

  async remove(id: string): Promise<void> {
    await rm(this.dirOf(id), { recursive: true, force: true })
  }
}
