import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type {
  DuplicateRule,
  FieldIssueSummary,
  RowIssue,
  ValidationCounts,
} from '../../../shared/import'
import type { TableEncoding, TableReadSettings } from '../../../shared/table-file'
import {
  checkHasRows,
  checkUnchanged,
  readTableRows,
  RecordBoundaryScanner,
  segmentable,
  suggestEncoding,
  type TableRow,
} from '../table-file'
import { backgroundThreadsPossible } from './background-priority'
import { checkRows, unpackFromThread, type CheckedRows } from './checked-rows'
import { checkSegment, type SegmentJob, type SegmentSetup } from './segments'
import { issueLine, Merge, TextOut } from './merge'
import { rowValidator, type RowValidatorConfig } from './row-validator'
import { startWorker } from './worker-source'

export interface ValidateFileConfig extends RowValidatorConfig {
  path: string
  table: TableReadSettings
  duplicates: DuplicateRule
  /** Where rows.jsonl (to upload, one JSON object a line) and issues.jsonl go. */
  outDir: string
  /** Size of the pieces the checking threads get (tests make it small). 256 KiB. */
  segmentBytes?: number
  /**
   * Threads that check, this one included: one per core (Linux; elsewhere one per core but
   * one), 1–4. 0: the streaming reader.
   */
  threads?: number
}

export interface ValidateFileResult {
  counts: ValidationCounts
  fieldIssues: FieldIssueSummary[]
  sizeBytes: number
  sha256: string
}

export const ROWS_FILE = 'rows.jsonl'
export const ISSUES_FILE = 'issues.jsonl'

/**
 * Pieces of about this many bytes go to the checking threads. A piece's parsed rows live
 * until it is checked and merged: from 1 MiB pieces (16,000 rows) they outlived the young
 * generation and were promoted, garbage only a full collection frees, and the pieces in
 * flight held ~13 MiB. 256 KiB measured 60–80 MiB less peak at a million rows, for no
 * more CPU.
 */
const SEGMENT_BYTES = 256 * 1024
/**
 * Pieces a checking thread may have waiting, and pieces in flight per thread. This thread
 * learns that a worker finished a piece only between its own pieces (a local check blocks
 * its event loop for ~20 ms), so two waiting pieces let a worker run dry now and then (17%
 * of its time, measured); three keep it busy, for ~4% less time at a million rows.
 */
const PIECES_WAITING = 3
/** A piece that finds no record end within this many bytes is left to the streaming reader. */
const MAX_SEGMENT_BYTES = 32 * 1024 * 1024
/** Rows checked at a time on the streaming path. */
const STREAM_BATCH = 5000
const MAX_RECORD_BYTES = 1024 * 1024

/**
 * Read, check, normalise, de-duplicate; valid rows to rows.jsonl, rejected/warned rows to
 * issues.jsonl. Runs in the import worker (never on the host's event loop). Hashes the raw
 * bytes as they pass, for the resume check.
 *
 * A large file is cut into pieces on record boundaries (`RecordBoundaryScanner`), which
 * checking threads parse and check side by side (`segment-worker.ts`); this thread reads and
 * hashes the file and puts the results together in file order (`Merge`), so row numbers,
 * the duplicate rules and the report are those of one pass from top to bottom. UTF-16 and
 * anything the pieces cannot take (a record that never ends, a parse error) go through the
 * streaming reader instead, which words the error exactly.
 */
export async function validateFile(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void = () => {},
): Promise<ValidateFileResult> {
  await mkdir(cfg.outDir, { recursive: true })
  const segmentBytes = cfg.segmentBytes ?? SEGMENT_BYTES
  // A thread per core where the checking threads run below normal priority
  // (`runInBackground`), so the window's threads still go first whenever they have work;
  // elsewhere one core stays with the window.
  const cores = availableParallelism() - (backgroundThreadsPossible() ? 0 : 1)
  const threads = cfg.threads ?? Math.max(1, Math.min(4, cores))
  if (threads > 0 && segmentable(cfg.table.encoding)) {
    try {
      return await validateInPieces(cfg, segmentBytes, threads, onProgress)
    } catch (err) {
      if (!(err instanceof Unsegmentable)) throw err
    }
  }
  return await validateStreaming(cfg, onProgress)
}

/** The pieces could not be checked apart: start again on the streaming reader. */
class Unsegmentable extends Error {}

interface Outputs {
  merge: Merge
  rowsOut: TextOut
  issuesOut: TextOut
  pass1Path: string
}

function openOutputs(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): Outputs {
  const pass1Path = join(cfg.outDir, 'pass1.jsonl')
  const rowsOut = new TextOut(pass1Path)
  const issuesOut = new TextOut(join(cfg.outDir, ISSUES_FILE))
  const merge = new Merge(cfg.duplicates, rowsOut, issuesOut, onProgress)
  return { merge, rowsOut, issuesOut, pass1Path }
}

async function validateStreaming(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): Promise<ValidateFileResult> {
  const out = openOutputs(cfg, onProgress)
  const { merge } = out
  const check = rowValidator(cfg)
  const hash = createHash('sha256')
  let batch: TableRow[] = []
  for await (const row of readTableRows(cfg.path, cfg.table, {
    maxRecordBytes: MAX_RECORD_BYTES,
    onBytes: (chunk) => {
      hash.update(chunk)
      merge.bytes += chunk.length
    },
  })) {
    // Where the first row with undecodable bytes was met, to guess that part's encoding.
    if (row.undecodable) merge.firstUndecodableAt ??= merge.bytes
    batch.push(row)
    if (batch.length === STREAM_BATCH) {
      await merge.add(checkRows(batch, 0, check), false)
      batch = []
    }
  }
  await merge.add(checkRows(batch, 0, check), false)
  return await finish(cfg, out, merge.bytes, hash.digest('hex'), onProgress)
}

async function validateInPieces(
  cfg: ValidateFileConfig,
  segmentBytes: number,
  threads: number,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): Promise<ValidateFileResult> {
  const before = await stat(cfg.path)
  const out = openOutputs(cfg, onProgress)
  const { merge } = out
  const setup: SegmentSetup = {
    table: cfg.table,
    validator: {
      mapping: cfg.mapping,
      mode: cfg.mode,
      country: cfg.country,
      dateOrder: cfg.dateOrder,
    },
    maxRecordBytes: MAX_RECORD_BYTES,
  }
  const pool = new CheckingThreads(setup, threads, before.size > 2 * segmentBytes)
  const hash = createHash('sha256')
  const scanner = new RecordBoundaryScanner(cfg.table)
  let pending: Buffer[] = []
  let pendingBytes = 0
  let offset = 0
  // Pieces are merged strictly in order; at most a few wait, so memory stays flat.
  let merged: Promise<void> = Promise.resolve()
  const inOrder: Promise<void>[] = []
  let rowNumbers = 0
  let rows = 0
  const send = async (bytes: Buffer) => {
    const at = offset
    const size = bytes.length // before the bytes move to the checking thread
    offset += size
    const checked = pool.check(at, bytes)
    // The chain below awaits this only once the earlier pieces are merged (or never, if one
    // of them failed); until then a failure here would count as an unhandled rejection.
    // Marking it handled loses nothing: the chain still awaits it and rethrows.
    checked.catch(() => {})
    merged = merged.then(async () => {
      const run = await checked
      rowNumbers += run.rowNumbers
      rows += run.count
      await merge.add(run, true)
      // The first piece tells how many rows the rest of the file likely holds.
      if (at === 0 && size < before.size)
        merge.expectRows(Math.ceil(((before.size - size) / size) * run.count))
    })
    // Unhandled until awaited below; the chain's failure is awaited at the next send or end.
    merged.catch(() => {})
    inOrder.push(merged)
    if (inOrder.length > PIECES_WAITING * threads) await inOrder.shift()
  }
  try {
    const source = createReadStream(cfg.path, { highWaterMark: Math.min(segmentBytes, 1 << 20) })
    for await (const chunk of source as AsyncIterable<Buffer>) {
      hash.update(chunk)
      merge.bytes += chunk.length
      const cut = scanner.scan(chunk)
      if (cut >= 0 && pendingBytes + cut >= segmentBytes) {
        pending.push(chunk.subarray(0, cut))
        const piece = Buffer.concat(pending)
        pending = cut < chunk.length ? [chunk.subarray(cut)] : []
        pendingBytes = chunk.length - cut
        await send(piece)
      } else {
        pending.push(chunk)
        pendingBytes += chunk.length
        if (pendingBytes > MAX_SEGMENT_BYTES) throw new Unsegmentable()
      }
    }
    if (pendingBytes > 0) await send(Buffer.concat(pending))
    await merged
  } catch (err) {
    out.rowsOut.destroy()
    out.issuesOut.destroy()
    throw err
  } finally {
    await pool.stop()
  }
  await checkUnchanged(cfg.path, before, merge.bytes)
  checkHasRows(cfg.table, rowNumbers, rows)
  return await finish(cfg, out, merge.bytes, hash.digest('hex'), onProgress)
}

/**
 * The checking threads: `threads - 1` workers and this thread. A piece goes to a worker
 * with fewer than `PIECES_WAITING` pieces waiting, else it is checked here, so this thread
 * (which also reads and merges) takes a share only when the workers are busy, and a small
 * file starts no worker at all. A piece that cannot be parsed (an unclosed quote, an
 * overlong record, a failure of a worker) fails with `Unsegmentable`.
 */
class CheckingThreads {
  private readonly workers: { worker: Worker; waiting: number }[]
  private readonly waiting = new Map<
    number,
    { resolve: (r: CheckedRows) => void; reject: (e: Error) => void }
  >()
  private next = 0
  /** Why a checking thread stopped: no piece goes to the threads after that. */
  private broken: Error | null = null

  constructor(
    private readonly setup: SegmentSetup,
    threads: number,
    large: boolean,
  ) {
    this.workers = Array.from({ length: large ? threads - 1 : 0 }, () => {
      const worker = startWorker('segment-worker', setup)
      const w = { worker, waiting: 0 }
      worker.on('message', (m: { id: number; result?: CheckedRows; error?: string }) => {
        w.waiting--
        const waiter = this.waiting.get(m.id)
        this.waiting.delete(m.id)
        if (m.result) waiter?.resolve(unpackFromThread(m.result))
        else waiter?.reject(new Unsegmentable(m.error))
      })
      worker.on('error', (err) => this.failAll(err))
      worker.on('exit', () => this.failAll(new Error('a checking thread stopped')))
      return w
    })
  }

  async check(offset: number, bytes: Buffer): Promise<CheckedRows> {
    // A thread that stopped (out of memory, say) would never answer for a piece sent to it.
    if (this.broken) throw new Unsegmentable(this.broken.message)
    const id = this.next++
    const job: SegmentJob = {
      id,
      offset,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    }
    const free = this.workers.reduce<(typeof this.workers)[number] | null>(
      (best, w) => (w.waiting < PIECES_WAITING && (!best || w.waiting < best.waiting) ? w : best),
      null,
    )
    if (!free) {
      try {
        return checkSegment(this.setup, job)
      } catch (err) {
        throw new Unsegmentable(String((err as Error)?.message ?? err))
      }
    }
    free.waiting++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      // Buffer.concat gives each piece its own memory (a piece is far above the pool size).
      free.worker.postMessage(job, [bytes.buffer as ArrayBuffer])
    })
  }

  private failAll(err: Error): void {
    this.broken ??= err
    for (const w of this.waiting.values()) w.reject(new Unsegmentable(err.message))
    this.waiting.clear()
  }

  async stop(): Promise<void> {
    this.failAll(new Error('stopped'))
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

async function finish(
  cfg: ValidateFileConfig,
  out: Outputs,
  sizeBytes: number,
  sha256: string,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): Promise<ValidateFileResult> {
  const { merge, issuesOut, pass1Path } = out
  const { counts, superseded } = merge
  await out.rowsOut.close()
  merge.dropIndex()
  const rowsPath = join(cfg.outDir, ROWS_FILE)
  if (superseded.size === 0) await rename(pass1Path, rowsPath)
  else {
    // Last wins: a second pass drops the rows a later duplicate replaced.
    const rows = new TextOut(rowsPath)
    let i = 0
    let kept: string[] = []
    for await (const text of createInterface({
      input: createReadStream(pass1Path),
      crlfDelay: Infinity,
    })) {
      if (!superseded.has(i)) kept.push(text + '\n')
      i++
      if (kept.length === STREAM_BATCH) {
        await rows.write(kept.join(''))
        kept = []
      }
    }
    await rows.write(kept.join(''))
    await rows.close()
    await rm(pass1Path, { force: true })
    const report: string[] = []
    for (const [idx, winner] of superseded) {
      const issue: RowIssue = { field: 'row', reason: 'replaced-by', row: winner }
      report.push(issueLine(merge.lineRows[idx]!, '[]', true, [issue]))
    }
    await issuesOut.write(report.join(''))
  }
  await issuesOut.close()
  counts.toUpload = merge.line - superseded.size
  onProgress(counts.total, sizeBytes)
  const undecodable = merge.issues.get(`row\u0000encoding-invalid`)
  if (undecodable && merge.firstUndecodableAt !== null) {
    const suggested = await encodingNear(cfg.path, merge.firstUndecodableAt, cfg.table.encoding)
    if (suggested) undecodable.suggestedEncoding = suggested
  }
  return {
    counts,
    fieldIssues: [...merge.issues.values()].sort((a, b) => b.count - a.count),
    sizeBytes,
    sha256,
  }
}

/**
 * The likely encoding of the part of the file where undecodable rows start. `offset` is how
 * far the reader had got, which is a little past that row (read-ahead), so the window
 * reaches back before it.
 */
async function encodingNear(
  path: string,
  offset: number,
  chosen: TableEncoding,
): Promise<TableEncoding | null> {
  const file = await open(path, 'r')
  try {
    const start = Math.max(0, offset - 512 * 1024)
    const { buffer, bytesRead } = await file.read(Buffer.alloc(1024 * 1024), 0, 1024 * 1024, start)
    return suggestEncoding(buffer.subarray(0, bytesRead), chosen)
  } finally {
    await file.close()
  }
}
