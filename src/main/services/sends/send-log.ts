import { randomUUID } from 'node:crypto'
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SendLogEntry, SendLogFilter, SendLogPage, SendRoute } from '../../../shared/sends'
import { maskEmail, maskPhone } from '../../../shared/sends-validate'
import { toCsv } from '../files/csv'

/** Enough for months of ad-hoc sends plus a few large bulk jobs; older lines stay on disk. */
const KEEP_IN_MEMORY = 100_000

export type NewLogEntry = Omit<SendLogEntry, 'id' | 'time'> & { time?: string }

/**
 * Every send, single or bulk, per shop: append-only JSON lines (`sends/log.jsonl`). The file
 * keeps full recipients (it is the marketer's own local record, like the CSVs they send
 * from); lists mask them and `reveal` gives one back on demand.
 */
export class SendLog {
  private entries: SendLogEntry[] = []
  private writing: Promise<void> = Promise.resolve()
  readonly file: string
  private listeners = new Set<(entry: SendLogEntry) => void>()

  private constructor(dataDir: string) {
    this.file = join(dataDir, 'sends', 'log.jsonl')
  }

  static async open(dataDir: string): Promise<SendLog> {
    const log = new SendLog(dataDir)
    await mkdir(dirname(log.file), { recursive: true, mode: 0o700 })
    const text = await readFile(log.file, 'utf8').catch(() => '')
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        log.entries.push(JSON.parse(line) as SendLogEntry)
      } catch {
        // A line torn by a crash mid-append: the rest of the log is still good.
      }
    }
    if (log.entries.length > KEEP_IN_MEMORY) log.entries = log.entries.slice(-KEEP_IN_MEMORY)
    return log
  }

  subscribe(listener: (entry: SendLogEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  add(input: NewLogEntry): SendLogEntry {
    const entry: SendLogEntry = {
      ...input,
      id: randomUUID(),
      time: input.time ?? new Date().toISOString(),
    }
    this.entries.push(entry)
    if (this.entries.length > KEEP_IN_MEMORY) this.entries.shift()
    const line = JSON.stringify(entry) + '\n'
    this.writing = this.writing
      .then(() => appendFile(this.file, line, { mode: 0o600 }))
      .catch(() => {
        // The bulk journal is the durable record; a lost log line must not stop a send.
      })
    for (const l of this.listeners) l(mask(entry))
    return entry
  }

  flush(): Promise<void> {
    return this.writing
  }

  /** Newest first, one shop, masked. */
  list(profileId: string, filter: SendLogFilter = {}): SendLogPage {
    const hits = this.filtered(profileId, filter)
    const limit = filter.limit ?? 1000
    return { items: hits.slice(0, limit).map(mask), total: hits.length }
  }

  reveal(profileId: string, id: string): { email: string | null; phone: string | null } | null {
    const e = this.entries.find((x) => x.id === id && x.profileId === profileId)
    return e ? { email: e.email, phone: e.phone } : null
  }

  /** Codes this shop used on a route, most recent first. */
  recentCodes(profileId: string, route: SendRoute, max = 10): string[] {
    const out: string[] = []
    for (let i = this.entries.length - 1; i >= 0 && out.length < max; i--) {
      const e = this.entries[i]!
      if (e.profileId === profileId && e.route === route && !out.includes(e.campaign))
        out.push(e.campaign)
    }
    return out
  }

  exportCsv(profileId: string, filter: SendLogFilter, full: boolean): string {
    const rows = this.filtered(profileId, filter).map((raw) => {
      const e = full ? raw : mask(raw)
      return [
        e.time,
        e.source,
        e.route,
        e.campaign,
        e.email,
        e.phone,
        e.messageCode,
        e.status,
        e.errorCode,
        e.apiMessage ? `${e.error ?? ''} PersonaClick said: “${e.apiMessage}”` : e.error,
      ]
    })
    const header = [
      'time',
      'source',
      'route',
      'campaign',
      'email',
      'phone',
      'message_code',
      'status',
      'error_code',
      'error',
    ]
    return toCsv(header, rows)
  }

  private filtered(profileId: string, filter: SendLogFilter): SendLogEntry[] {
    const q = filter.search?.trim().toLowerCase() ?? ''
    const out: SendLogEntry[] = []
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!
      if (e.profileId !== profileId) continue
      if (filter.status && e.status !== filter.status) continue
      if (filter.route && e.route !== filter.route) continue
      // Searching the full recipient is fine: the marketer typed it, nothing is revealed.
      if (
        q &&
        ![e.campaign, e.email, e.phone, e.messageCode].some((v) => v?.toLowerCase().includes(q))
      )
        continue
      out.push(e)
    }
    return out
  }
}

export function mask(e: SendLogEntry): SendLogEntry {
  return {
    ...e,
    email: e.email ? maskEmail(e.email) : null,
    phone: e.phone ? maskPhone(e.phone) : null,
  }
}
