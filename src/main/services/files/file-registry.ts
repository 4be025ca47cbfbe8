import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { z } from 'zod'
import { keyedFailure } from '../../../shared/errors'
import {
  fileExtensions,
  type FilePurpose,
  type IntakeFile,
  type RecentFile,
} from '../../../shared/files'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

const entrySchema = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number(),
  /** Uploaded copies are ours to delete; files read in place never are. */
  owned: z.boolean(),
  addedAt: z.string(),
})
const fileSchema = z.record(z.string(), entrySchema)
type Entry = z.infer<typeof entrySchema>

const UPLOAD_RETENTION_MS = 14 * 24 * 3600 * 1000

/**
 * Every file the marketer handed over, by opaque id. Persisted so that a job interrupted
 * by a crash can find its file again after a restart.
 */
export class FileRegistry {
  private entries: Record<string, Entry> = {}
  private readonly indexPath: string
  readonly uploadDir: string

  private constructor(deps: { dataDir: string }) {
    this.indexPath = join(deps.dataDir, 'files.json')
    this.uploadDir = join(deps.dataDir, 'uploads')
  }

  static async open(deps: { dataDir: string }): Promise<FileRegistry> {
    const files = new FileRegistry(deps)
    await files.load()
    return files
  }

  private async load(): Promise<void> {
    this.entries = await readJsonFile(this.indexPath, fileSchema, {})
    await mkdir(this.uploadDir, { recursive: true, mode: 0o700 })
    // Old uploads go: they are copies of the marketer's files, not the originals.
    const now = Date.now()
    for (const [id, e] of Object.entries(this.entries)) {
      if (e.owned && now - Date.parse(e.addedAt) > UPLOAD_RETENTION_MS) await this.forget(id)
    }
    const known = new Set(Object.values(this.entries).map((e) => e.path))
    for (const f of await readdir(this.uploadDir)) {
      const full = join(this.uploadDir, f)
      if (!known.has(full)) await rm(full, { force: true })
    }
    await this.save()
  }

  /** A file on disk the marketer chose (Electron drop or dialog): read in place. */
  async registerPath(path: string): Promise<IntakeFile> {
    const s = await stat(path).catch(() => null)
    if (!s?.isFile()) throw keyedFailure('NOT_FOUND', 'file-unreadable')
    return this.add({ name: basename(path), path, size: s.size, owned: false })
  }

  /** Bytes streamed from the browser host's page: saved as a private copy. */
  async registerUpload(name: string, body: Readable, maxBytes: number): Promise<IntakeFile> {
    const id = randomUUID()
    const path = join(this.uploadDir, id)
    let size = 0
    body.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) body.destroy(keyedFailure('NOT_ALLOWED', 'file-too-large'))
    })
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600 }))
    } catch (err) {
      await rm(path, { force: true })
      throw err
    }
    return this.add({ name: safeName(name), path, size, owned: true }, id)
  }

  info(fileId: string): IntakeFile {
    const e = this.entries[fileId]
    if (!e) throw keyedFailure('NOT_FOUND', 'file-gone')
    return { fileId, name: e.name, size: e.size }
  }

  /**
   * Files of this purpose handed over before, newest first, that can still be read. The same
   * file dropped twice is listed once; a file moved or deleted since is left out.
   */
  async recent(purpose: FilePurpose, max: number): Promise<RecentFile[]> {
    const allowed = fileExtensions[purpose]
    const seen = new Set<string>()
    const out: RecentFile[] = []
    const newestFirst = Object.entries(this.entries).sort(([, a], [, b]) =>
      b.addedAt.localeCompare(a.addedAt),
    )
    for (const [fileId, e] of newestFirst) {
      if (out.length >= max) break
      const ext = e.name.split('.').pop()?.toLowerCase() ?? ''
      if (allowed.length > 0 && !allowed.includes(ext)) continue
      const key = `${e.name}\u0000${e.size}`
      if (seen.has(key)) continue
      const s = await stat(e.path).catch(() => null)
      if (!s?.isFile()) continue
      seen.add(key)
      // A weekly export saved over the same path is offered as it is now; a job that used
      // the older contents still refuses to resume (its journal keeps size and hash).
      e.size = s.size
      out.push({ fileId, name: e.name, size: s.size, addedAt: e.addedAt })
    }
    return out
  }

  /** For services in main only: the path never crosses IPC. */
  pathOf(fileId: string): string {
    const e = this.entries[fileId]
    if (!e) throw keyedFailure('NOT_FOUND', 'file-gone')
    return e.path
  }

  async forget(fileId: string): Promise<void> {
    const e = this.entries[fileId]
    if (!e) return
    delete this.entries[fileId]
    if (e.owned) await rm(e.path, { force: true })
    await this.save()
  }

  private async add(e: Omit<Entry, 'addedAt'>, id: string = randomUUID()): Promise<IntakeFile> {
    this.entries[id] = { ...e, addedAt: new Date().toISOString() }
    await this.save()
    return { fileId: id, name: e.name, size: e.size }
  }

  private save(): Promise<void> {
    return writeJsonFile(this.indexPath, this.entries)
  }
}

/** Display name only; never used as a path. */
function safeName(name: string): string {
  // Control characters would garble logs and file lists; drop them.
  const printable = [...basename(name.replace(/\\/g, '/'))].filter((c) => c >= ' ').join('')
  return printable.slice(0, 255) || 'file'
}
