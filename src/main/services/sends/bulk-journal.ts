import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SendStatus } from '../../../shared/sends'

/** A row's state in the journal; `pending` = about to be (or being) requested. */
export type RowState = 'pending' | SendStatus

export interface RowLine {
  r: number
  s: RowState
  email?: string | null
  phone?: string | null
  code?: string | null
  err?: string
  msg?: string
  /** PersonaClick's own reason for a failure. */
  am?: string
  /** Refused rows: which checks failed (field.reason), so the log can say it in any language. */
  iss?: { field: string; reason: string; key?: string }[]
  t: string
}

export interface ControlLine {
  ctl: 'paused' | 'resumed' | 'cancelled' | 'done' | 'rate'
  rate?: number
  t: string
}

export type JournalLine = RowLine | ControlLine

export interface ReplayedJournal {
  /** The last state of every row ever attempted (or refused without a request). */
  rows: Map<number, RowLine>
  lastControl: ControlLine['ctl'] | null
  rate: number | null
}

/**
 * The bulk job's durable journal: append-only JSON lines, each written and `datasync`ed
 * before the caller moves on. A row is `pending` on disk before its request goes out and
 * `sent`/`failed`/`unknown` on disk before the next row starts, so after a crash every row
 * is either never attempted (absent), finished, or caught mid-flight (`pending`), which
 * `replay` turns into `unknown`: it may have been sent, and it will never be sent again.
 */
export class BulkJournal {
  private constructor(
    readonly file: string,
    private fh: FileHandle,
  ) {}

  static async open(file: string): Promise<BulkJournal> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
    return new BulkJournal(file, await open(file, 'a', 0o600))
  }

  async append(line: JournalLine): Promise<void> {
    await this.fh.write(JSON.stringify(line) + '\n')
    await this.fh.datasync()
  }

  close(): Promise<void> {
    return this.fh.close()
  }
}

/** Reads a journal; a line torn by a crash mid-write (the last one) is ignored. */
export async function replayJournal(file: string): Promise<ReplayedJournal> {
  const text = await readFile(file, 'utf8').catch(() => '')
  const rows = new Map<number, RowLine>()
  let lastControl: ControlLine['ctl'] | null = null
  let rate: number | null = null
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue
    let line: JournalLine
    try {
      line = JSON.parse(raw) as JournalLine
    } catch {
      continue
    }
    if ('ctl' in line) {
      if (line.ctl === 'rate') rate = line.rate ?? rate
      else lastControl = line.ctl
      continue
    }
    const prev = rows.get(line.r)
    // Recipient details travel on the pending line; keep them when the result arrives.
    rows.set(line.r, { ...prev, ...line })
  }
  return { rows, lastControl, rate }
}

/** Rows left `pending` by a crash: they may have gone out, so they end as `unknown`. */
export function interruptedRows(replayed: ReplayedJournal): RowLine[] {
  return [...replayed.rows.values()].filter((r) => r.s === 'pending')
}
