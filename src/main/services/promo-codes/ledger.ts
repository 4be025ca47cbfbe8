import { createReadStream } from 'node:fs'
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * Every code this console uploaded to a list, one per line, in
 * `promo-codes/<profileId>/ledger/<listId>.txt`. PersonaClick cannot list a list's codes
 * and silently drops repeats, so this is the only record of what was sent; generation
 * avoids it and the marketer can export it. The codes never go to the activity log.
 */
export class Ledger {
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly dir: string) {}

  fileOf(profileId: string, listId: string): string {
    return join(this.dir, profileId, 'ledger', `${encodeURIComponent(listId)}.txt`)
  }

  /** Appends a batch the API acknowledged (queued: concurrent batches never interleave). */
  add(profileId: string, listId: string, codes: readonly string[]): Promise<void> {
    const file = this.fileOf(profileId, listId)
    const next = this.queue.then(async () => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 })
      await appendFile(file, codes.join('\n') + '\n', { mode: 0o600 })
    })
    this.queue = next.catch(() => {})
    return next
  }

  /** The codes, each once, in upload order (a batch resent after a crash is listed once). */
  async *codes(profileId: string, listId: string): AsyncGenerator<string> {
    await this.queue
    const seen = new Set<string>()
    let lines
    try {
      lines = createInterface({
        input: createReadStream(this.fileOf(profileId, listId)),
        crlfDelay: Infinity,
      })
      for await (const line of lines) {
        if (line === '' || seen.has(line)) continue
        seen.add(line)
        yield line
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    } finally {
      lines?.close()
    }
  }

  async set(profileId: string, listId: string): Promise<Set<string>> {
    const out = new Set<string>()
    for await (const code of this.codes(profileId, listId)) out.add(code)
    return out
  }
}
