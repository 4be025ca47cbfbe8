import { expect } from 'vitest'
import type { Harness } from './harness'
import type { Sandbox } from '../../../src/sandbox'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

/**
 * The "never twice" checks, against what the sandbox actually processed: no recipient got
 * the campaign twice, every row ended sent/failed/unknown, sent rows were processed,
 * failed rows were not, and nothing was processed that we do not account for.
 */
export function expectNeverTwice(h: Harness, jobId: string, sandbox: Sandbox, total: number) {
  const report = h.bulk
    .reportCsv(jobId, PLAIN_CSV)
    .content.replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
  const rows = report.map((line) => {
    const [row, email, , status, code] = line.split(',')
    return { row: Number(row), email: email ?? '', status: status ?? '', code: code ?? '' }
  })
  expect(rows).toHaveLength(total)
  expect(new Set(rows.map((r) => r.row)).size).toBe(total)
  for (const r of rows) expect(['sent', 'failed', 'unknown']).toContain(r.status)

  const processed = new Map<string, number>()
  for (const s of sandbox.state.main.sends)
    processed.set(s.email ?? '', (processed.get(s.email ?? '') ?? 0) + 1)
  const twice = [...processed].filter(([, n]) => n > 1)
  expect(twice).toEqual([])

  const by = (status: string) => rows.filter((r) => r.status === status)
  for (const r of by('sent')) expect(processed.has(r.email)).toBe(true)
  for (const r of by('failed')) expect(processed.has(r.email)).toBe(false)
  const accounted = new Set([...by('sent'), ...by('unknown')].map((r) => r.email))
  for (const email of processed.keys()) expect(accounted.has(email)).toBe(true)
  // Sent codes are exactly the codes the sandbox handed out for those recipients.
  const codes = new Map(sandbox.state.main.sends.map((s) => [s.email ?? '', s.code]))
  for (const r of by('sent')) expect(r.code).toBe(codes.get(r.email))
  return {
    sent: by('sent').length,
    failed: by('failed').length,
    unknown: by('unknown').length,
    processed: processed.size,
  }
}
