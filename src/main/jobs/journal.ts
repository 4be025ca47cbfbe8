import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * An append-only JSON-lines file whose every line is on disk (`datasync`) before `append`
 * resolves, so what a job journalled survives a crash or a power cut. Appends are queued:
 * a control line written while a unit is in flight never interleaves with the unit's line.
 */
export class Journal<Line extends object = object> {
  private fh: FileHandle | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(readonly file: string) {}

  append(line: Line): Promise<void> {
    const next = this.queue.then(async () => {
      const fh = await this.handle()
      await fh.write(JSON.stringify(line) + '\n')
      await fh.datasync()
    })
    // One failed write (full disk) must not wedge the queue for the next one.
    this.queue = next.catch(() => {})
    return next
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
