import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { SendLogEntry, SendLogFilter, SendLogPage, SendRoute } from '../../../shared/sends'
import { maskEmail, maskPhone } from '../../../shared/sends-validate'
import { JsonlLog } from '../../store/jsonl-log'
import { headerOf, toCsv, type CsvDialect } from '../files/csv'

/** Enough for months of ad-hoc sends plus a few large bulk jobs; older lines stay on disk. */
const KEEP_IN_MEMORY = 100_000

export type NewLogEntry = Omit<SendLogEntry, 'id' | 'time'> & { time?: string }

// Lines are ours; a loose check skips only what cannot be an entry (a torn line).
const parseEntry = (raw: unknown): SendLogEntry | null =>
  typeof raw === 'object' && raw !== null && 'id' in raw && 'profileId' in raw
    ? (raw as SendLogEntry)
    : null

/**
 * Every send, single or bulk, per shop (`sends/log.jsonl`, never compacted). The file
 * keeps full recipients (it is the marketer's own local record, like the CSVs they send
 * from); lists mask them and `reveal` gives one back on demand. A lost line must not stop
 * a send: the bulk journal is the durable record.
 */
export class SendLog {
  private constructor(private readonly entries: JsonlLog<SendLogEntry>) {}

  static async open(dataDir: string): Promise<SendLog> {
    const file = join(dataDir, 'sends', 'log.jsonl')
    return new SendLog(await JsonlLog.open({ file, capacity: KEEP_IN_MEMORY, parse: parseEntry }))
  }

  /** Live entries, masked. */
  subscribe(listener: (entry: SendLogEntry) => void): () => void {
    return this.entries.subscribe((entry) => listener(mask(entry)))
  }

  add(input: NewLogEntry): SendLogEntry {
    return this.entries.append({
      ...input,
      id: randomUUID(),
      time: input.time ?? new Date().toISOString(),
    })
  }

  flush(): Promise<void> {
    return this.entries.flush()
  }

  /** Newest first, one shop, masked. */
  list(profileId: string, filter: SendLogFilter = {}): SendLogPage {
    const page = this.entries.page(matching(profileId, filter), { limit: filter.limit ?? 1000 })
    return { items: page.items.map(mask), total: page.total }
  }

  reveal(profileId: string, id: string): { email: string | null; phone: string | null } | null {
    for (const e of this.entries.newestFirst((x) => x.id === id && x.profileId === profileId))
      return { email: e.email, phone: e.phone }
    return null
  }

  /** Codes this shop used on a route, most recent first. */
  recentCodes(profileId: string, route: SendRoute, max = 10): string[] {
    const out: string[] = []
    for (const e of this.entries.newestFirst(
      (x) => x.profileId === profileId && x.route === route,
    )) {
      if (!out.includes(e.campaign)) out.push(e.campaign)
      if (out.length >= max) break
    }
    return out
  }

  exportCsv(profileId: string, filter: SendLogFilter, full: boolean, dialect: CsvDialect): string {
    const rows = [...this.entries.newestFirst(matching(profileId, filter))].map((raw) => {
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
    return toCsv(headerOf(dialect.words.columns.sendLog), rows, dialect)
  }
}

/** Entries of one shop that pass the log screen's filter. */
function matching(profileId: string, filter: SendLogFilter): (e: SendLogEntry) => boolean {
  const q = filter.search?.trim().toLowerCase() ?? ''
  return (e) =>
    e.profileId === profileId &&
    (!filter.status || e.status === filter.status) &&
    (!filter.route || e.route === filter.route) &&
    // Searching the full recipient is fine: the marketer typed it, nothing is revealed.
    (!q || [e.campaign, e.email, e.phone, e.messageCode].some((v) => v?.toLowerCase().includes(q)))
}

export function mask(e: SendLogEntry): SendLogEntry {
  return {
    ...e,
    email: e.email ? maskEmail(e.email) : null,
    phone: e.phone ? maskPhone(e.phone) : null,
  }
}
