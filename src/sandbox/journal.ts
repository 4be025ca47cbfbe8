import type { JournalEntry, SandboxJournal } from './types'

/** Cap so a long-running standalone sandbox does not grow without bound. */
const MAX_ENTRIES = 20_000
const REDACTED = '[redacted]'

/** Copies a params object with shop_secret masked; the journal must never hold a secret. */
export function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  if ('shop_secret' in copy) copy.shop_secret = REDACTED
  return copy
}

/**
 * Every journal started in this process, so a test setup can look at all the sandboxes a
 * test file started (the console must never have called /promo_codes/fetch on any of them).
 */
export const everyJournal = new Set<Journal>()

export class Journal implements SandboxJournal {
  private list: JournalEntry[] = []
  private seq = 0

  constructor() {
    everyJournal.add(this)
  }

  add(entry: Omit<JournalEntry, 'seq' | 'time'>): JournalEntry {
    this.seq += 1
    const full: JournalEntry = { seq: this.seq, time: new Date().toISOString(), ...entry }
    this.list.push(full)
    if (this.list.length > MAX_ENTRIES) this.list.splice(0, this.list.length - MAX_ENTRIES)
    return full
  }

  entries(): JournalEntry[] {
    return [...this.list]
  }

  clear(): void {
    this.list = []
  }

  count(filter: Partial<Pick<JournalEntry, 'method' | 'path'>> = {}): number {
    return this.list.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method) &&
        (filter.path === undefined || e.path === filter.path),
    ).length
  }
}
