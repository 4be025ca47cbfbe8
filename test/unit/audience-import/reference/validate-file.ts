import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type {
  DuplicateRule,
  FieldIssueSummary,
  IssueReason,
  RejectedRow,
  ValidationCounts,
} from '../../../../src/shared/import'
import type { TableEncoding, TableReadSettings } from '../../../../src/shared/table-file'
import { readTableRows, suggestEncoding } from '../../../../src/main/services/table-file'
import { rowValidator, type RowValidatorConfig, type RowVerdict } from './row-validator'

export interface ValidateFileConfig extends RowValidatorConfig {
  path: string
  table: TableReadSettings
  duplicates: DuplicateRule
  /** Where rows.jsonl (to upload, one JSON object a line) and issues.jsonl go. */
  outDir: string
}

export interface ValidateFileResult {
  counts: ValidationCounts
  fieldIssues: FieldIssueSummary[]
  sizeBytes: number
  sha256: string
}

export const ROWS_FILE = 'rows.jsonl'
export const ISSUES_FILE = 'issues.jsonl'

/** Buffered line writer honouring back-pressure (1M rows must not pile up in memory). */
class Lines {
  private buf: string[] = []
  constructor(private readonly out: WriteStream) {}
  async push(line: string): Promise<void> {
    this.buf.push(line)
    if (this.buf.length >= 2000) await this.flush()
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return
    const ok = this.out.write(this.buf.join('\n') + '\n')
    this.buf = []
    if (!ok) await once(this.out, 'drain')
  }
  async close(): Promise<void> {
    await this.flush()
    this.out.end()
    await once(this.out, 'finish')
  }
}

/**
 * One streaming pass: read, check, normalise, de-duplicate; valid rows to rows.jsonl,
 * rejected/warned rows to issues.jsonl. Runs in the import worker (never on the host's
 * event loop). Hashes the raw bytes as they pass, for the resume check.
 */
export async function validateFile(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void = () => {},
): Promise<ValidateFileResult> {
  await mkdir(cfg.outDir, { recursive: true })
  const check = rowValidator(cfg)
  const hash = createHash('sha256')
  let bytes = 0
  const pass1Path = join(cfg.outDir, 'pass1.jsonl')
  const rowsOut = new Lines(createWriteStream(pass1Path))
  const issuesOut = new Lines(createWriteStream(join(cfg.outDir, ISSUES_FILE)))
  const issues = new Map<string, FieldIssueSummary>()
  const note = (field: string, reason: IssueReason, rowNumber: number) => {
    const k = `${field}\u0000${reason}`
    const s = issues.get(k) ?? { field, reason, count: 0, examples: [] }
    s.count++
    if (s.examples.length < 5) s.examples.push(rowNumber)
    issues.set(k, s)
  }
  // Contact key → index of the kept line in pass1 (and its row number, for the report).
  const seen = new Map<string, number>()
  // Phone → the line that first carried it, to tell a shared phone from a duplicate.
  const phones = new Map<string, number>()
  const lineRows: number[] = []
  const superseded = new Map<number, number>() // line index → winner's row number
  const counts: ValidationCounts = {
    total: 0,
    valid: 0,
    rejected: 0,
    duplicates: 0,
    withWarnings: 0,
    toUpload: 0,
  }
  let line = 0
  // Where the first row with undecodable bytes was met, to guess that part's encoding.
  let firstUndecodableAt: number | null = null
  for await (const { rowNumber, fields, undecodable } of readTableRows(cfg.path, cfg.table, {
    onBytes: (chunk) => {
      hash.update(chunk)
      bytes += chunk.length
    },
  })) {
    counts.total++
    if (counts.total % 20_000 === 0) onProgress(counts.total, bytes)
    const v: RowVerdict = undecodable
      ? { ok: false, problems: [{ field: 'row', reason: 'encoding-invalid' }] }
      : check(fields)
    if (undecodable) firstUndecodableAt ??= bytes
    if (!v.ok) {
      counts.rejected++
      for (const p of v.problems) note(p.field, p.reason, rowNumber)
      const r: RejectedRow = {
        rowNumber,
        fields,
        rejected: true,
        issues: v.problems,
      }
      await issuesOut.push(JSON.stringify(r))
      continue
    }
    counts.valid++
    // A contact is its email; only a row without one is known by its phone. Different
    // emails sharing a phone are different people (families, shared work phones): both
    // are kept and the later one says so.
    const key = v.row.email !== undefined ? `e:${String(v.row.email)}` : `p:${String(v.row.phone)}`
    const phone = v.row.phone === undefined ? undefined : String(v.row.phone)
    const clash = seen.get(key)
    if (clash !== undefined) {
      if (cfg.duplicates === 'first') {
        counts.duplicates++
        note('row', 'duplicate-first-kept', rowNumber)
        const r: RejectedRow = {
          rowNumber,
          fields,
          rejected: true,
          issues: [{ field: 'row', reason: 'duplicate-of', row: lineRows[clash]! }],
        }
        await issuesOut.push(JSON.stringify(r))
        continue
      }
      if (!superseded.has(clash)) {
        superseded.set(clash, rowNumber)
        counts.duplicates++
        note('row', 'duplicate-last-kept', lineRows[clash]!)
      }
    }
    const phoneOwner = phone === undefined ? undefined : phones.get(phone)
    if (phoneOwner !== undefined && phoneOwner !== clash) {
      v.warnings.push({ field: 'phone', reason: 'shares-phone-with', row: lineRows[phoneOwner]! })
    }
    if (v.warnings.length) {
      counts.withWarnings++
      for (const w of v.warnings)
        note(w.field, w.reason === 'shares-phone-with' ? 'phone-shared' : w.reason, rowNumber)
      const r: RejectedRow = {
        rowNumber,
        fields,
        rejected: false,
        issues: v.warnings,
      }
      await issuesOut.push(JSON.stringify(r))
    }
    seen.set(key, line)
    if (phone !== undefined && (phoneOwner === undefined || phoneOwner === clash))
      phones.set(phone, line)
    lineRows.push(rowNumber)
    line++
    await rowsOut.push(JSON.stringify(v.row))
  }
  await rowsOut.close()
  seen.clear()
  phones.clear()
  const rowsPath = join(cfg.outDir, ROWS_FILE)
  if (superseded.size === 0) await rename(pass1Path, rowsPath)
  else {
    // Last wins: a second pass drops the rows a later duplicate replaced.
    const out = new Lines(createWriteStream(rowsPath))
    let i = 0
    for await (const text of createInterface({
      input: createReadStream(pass1Path),
      crlfDelay: Infinity,
    })) {
      if (!superseded.has(i)) await out.push(text)
      i++
    }
    await out.close()
    await rm(pass1Path, { force: true })
    for (const [idx, winner] of superseded) {
      const r: RejectedRow = {
        rowNumber: lineRows[idx]!,
        fields: [],
        rejected: true,
        issues: [{ field: 'row', reason: 'replaced-by', row: winner }],
      }
      await issuesOut.push(JSON.stringify(r))
    }
  }
  await issuesOut.close()
  counts.toUpload = line - superseded.size
  onProgress(counts.total, bytes)
  const undecodable = issues.get(`row\u0000encoding-invalid`)
  if (undecodable && firstUndecodableAt !== null) {
    const suggested = await encodingNear(cfg.path, firstUndecodableAt, cfg.table.encoding)
    if (suggested) undecodable.suggestedEncoding = suggested
  }
  return {
    counts,
    fieldIssues: [...issues.values()].sort((a, b) => b.count - a.count),
    sizeBytes: bytes,
    sha256: hash.digest('hex'),
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
