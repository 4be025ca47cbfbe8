import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ImportJobState, SavedMapping } from '../../../shared/import'
import type { TableReadSettings } from '../../../shared/table-file'
import type { ColumnMapping, DateOrder, DuplicateRule } from '../../../shared/import'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

/**
 * What `imports/jobs/<id>/job.json` holds: the job's visible state plus everything needed to
 * resume after a crash. Which batches the API acknowledged is the upload's journal
 * (`journal.jsonl` beside it, kept by the job runner).
 */
export interface JobRecord {
  state: ImportJobState
  config: {
    headers: string[]
    table: TableReadSettings
    mapping: ColumnMapping
    duplicates: DuplicateRule
    dateOrder: DateOrder
    country: string
    /** Of the marketer's file when validated; resume refuses a file that changed. */
    sizeBytes: number | null
    sha256: string | null
  }
}

// job.json is written only by us; a loose schema keeps old records loadable.
const recordSchema = z.custom<JobRecord>(
  (v) => typeof v === 'object' && v !== null && 'state' in v && 'config' in v,
)
const mappingsSchema = z.record(z.string(), z.array(z.custom<SavedMapping>()))

export class JobStore {
  readonly root: string
  constructor(dataDir: string) {
    this.root = join(dataDir, 'imports')
  }

  dirOf(id: string): string {
    return join(this.root, 'jobs', id)
  }

  async loadAll(): Promise<JobRecord[]> {
    await mkdir(join(this.root, 'jobs'), { recursive: true, mode: 0o700 })
    const out: JobRecord[] = []
    for (const id of await readdir(join(this.root, 'jobs'))) {
      const rec = await readJsonFile(
        join(this.dirOf(id), 'job.json'),
        recordSchema.nullable(),
        null,
      )
      if (rec) out.push(rec)
    }
    return out
  }

  save(rec: JobRecord): Promise<void> {
    return writeJsonFile(join(this.dirOf(rec.state.id), 'job.json'), rec)
  }

  async remove(id: string): Promise<void> {
    await rm(this.dirOf(id), { recursive: true, force: true })
  }

  loadMappings(): Promise<Record<string, SavedMapping[]>> {
    return readJsonFile(join(this.root, 'mappings.json'), mappingsSchema, {})
  }

  saveMappings(all: Record<string, SavedMapping[]>): Promise<void> {
    return writeJsonFile(join(this.root, 'mappings.json'), all)
  }
}
