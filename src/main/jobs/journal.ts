import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * An append-only JSON-lines file whose every line is on disk (`datasync`) before `append`
 * resolves, so what a job journalled survives a crash or a power cut. Appends are queued:
 * a control line written while a unit is in flight never interleaves with the unit's line.
 * Lines appended while a write is under way go out together, with one `datasync` (units in
 * flight at once finish close together; each sync costs milliseconds).
 */
export class Journal<Line extends object = object> {
  private fh: FileHandle | null = null
  private queue: Promise<unknown> = Promise.resolve()
  /** The lines waiting for the write under way to finish, and when they are on disk. */
  private group: { text: string[]; written: Promise<void> } | null = null

  constructor(readonly file: string) {}

  append(line: Line): Promise<void> {
    if (!this.group) {
      const text: string[] = []
      const written = this.queue.then(async () => {
        // Lines appended from here on wait for the next write.
        this.group = null
        const fh = await this.handle()
        await fh.write(text.join(''))
        await fh.datasync()
      })
      this.group = { text, written }
      // One failed write (full disk) must not wedge the queue for the next one.
      this.queue = written.catch(() => {})
    }
    this.group.text.push(JSON.stringify(line) + '\n')
    return this.group.written
  }

  /** Closes the file once every queued line is written; the next append reopens it. */
  async close(): Promise<void> {
    await this.queue
    const fh = this.fh
    this.fh = null
    await fh?.close()
  }

  private async handle(): Promise<FileHandle> {
    if (this.fh) return this.fh
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 })
    const fh = await open(this.file, 'a+', 0o600)
    // A crash mid-append leaves a torn last line; end it, or the next line would be glued
    // to it and lost with it.
    const { size } = await fh.stat()
    if (size > 0) {
      const last = Buffer.alloc(1)
      await fh.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) await fh.write('\n')
    }
    this.fh = fh
    return fh
  }
}
