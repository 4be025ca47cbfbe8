import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runValidation } from '../../../src/main/services/audience-import/run-validation'
import type { ColumnMapping, RejectedRow } from '../../../src/shared/import'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const CSV =
  'Email;Телефон;Имя;Пол;Бонусы;Дата рождения;Цвет\n' +
  'Anna@Example.com;8 916 123-45-67;Анна;ж;1 500,00;07.05.1990;red\n' +
  'bad-email;;Bad;m;1;;\n' + // rejected: the email is wrong and nothing else identifies it
  ';;NoId;m;;;\n' + // rejected: no identifier
  ';+7 916 000-00-02;Phone only;n/a;;;blue\n' + // kept, gender dropped (warning)
  'ANNA@example.com;;Anna again;f;;;green\n' + // duplicate of row 2
  'boris@example.com;12345;Boris;;;;\n' + // kept by email, the malformed phone left out
  'vera@example.com;+7 916 123-45-67;Vera;;;;\n' + // another person on row 2's phone: kept
  ';8 916 000-00-02;Phone again;;;;\n' + // phone-only: duplicate of row 5
  'typo@;+79160000003;Typo;;;;\n' // kept by phone, the malformed email left out

const mapping: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'phone' },
  { kind: 'field', field: 'first_name' },
  { kind: 'field', field: 'gender' },
  { kind: 'field', field: 'loyalty_bonuses' },
  { kind: 'field', field: 'birthday' },
  { kind: 'custom', key: 'colour' },
]

async function run(duplicates: 'first' | 'last', mode: 'audience' | 'suppressed' = 'audience') {
  const path = join(dir, 'in.csv')
  await writeFile(path, CSV)
  const outDir = join(dir, `${duplicates}-${mode}`)
  const progress: number[] = []
  const result = await runValidation(
    {
      path,
      table: { encoding: 'utf-8', delimiter: ';', hasHeader: true, sepLine: false },
      mapping,
      mode,
      country: 'RU',
      dateOrder: 'dmy',
      duplicates,
      outDir,
    },
    (rows) => progress.push(rows),
  ).result
  const rows = (await readFile(join(outDir, 'rows.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  const issues = (await readFile(join(outDir, 'issues.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RejectedRow)
  return { result, rows, issues, progress }
}

// Each check boots a worker thread (through tsx from sources): slow on a busy machine.
describe('validation in the worker thread', { timeout: 60_000 }, () => {
  it('normalises, rejects, warns and keeps the first duplicate', async () => {
    const { result, rows, issues, progress } = await run('first')
    expect(result.counts).toEqual({
      total: 9,
      valid: 7,
      rejected: 2,
      duplicates: 2,
      withWarnings: 4,
      toUpload: 5,
    })
    expect(rows).toEqual([
      {
        email: 'anna@example.com',
        phone: '79161234567',
        first_name: 'Анна',
        gender: 'f',
        loyalty_bonuses: 1500,
        birthday: '1990-05-07',
        colour: 'red',
      },
      { phone: '79160000002', first_name: 'Phone only', colour: 'blue' },
      { email: 'boris@example.com', first_name: 'Boris' },
      { email: 'vera@example.com', phone: '79161234567', first_name: 'Vera' },
      { phone: '79160000003', first_name: 'Typo' },
    ])
    expect(issues.map((i) => [i.rowNumber, i.rejected, i.issues])).toEqual([
      [3, true, [{ field: 'email', reason: 'email-invalid' }]],
      [4, true, [{ field: 'row', reason: 'no-identifier' }]],
      [5, false, [{ field: 'gender', reason: 'gender-invalid' }]],
      [6, true, [{ field: 'row', reason: 'duplicate-of', row: 2 }]],
      [7, false, [{ field: 'phone', reason: 'phone-invalid' }]],
      [8, false, [{ field: 'phone', reason: 'shares-phone-with', row: 2 }]],
      [9, true, [{ field: 'row', reason: 'duplicate-of', row: 5 }]],
      [10, false, [{ field: 'email', reason: 'email-invalid' }]],
    ])
    expect(result.fieldIssues.find((f) => f.field === 'email')).toMatchObject({
      count: 2,
      examples: [3, 10],
    })
    expect(result.fieldIssues.find((f) => f.reason === 'phone-shared')).toMatchObject({
      field: 'phone',
      count: 1,
      examples: [8],
    })
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(progress.at(-1)).toBe(9)
  })

  it('last wins keeps the later duplicate, of an email and of a phone-only row', async () => {
    const { rows, result } = await run('last')
    expect(result.counts.toUpload).toBe(5)
    expect(rows.map((r) => r.first_name)).toEqual([
      'Anna again',
      'Boris',
      'Vera',
      'Phone again',
      'Typo',
    ])
  })

  it('suppression mode sends the email only', async () => {
    const { rows } = await run('first', 'suppressed')
    expect(rows).toEqual([
      { email: 'anna@example.com' },
      { email: 'boris@example.com' },
      { email: 'vera@example.com' },
    ])
  })
})

describe(
  'the file is read exactly as it is, or the check says why not',
  { timeout: 60_000 },
  () => {
    const settings = { encoding: 'utf-8', delimiter: ';', hasHeader: true, sepLine: false } as const
    const check = (path: string, outDir: string, onProgress: (rows: number) => void = () => {}) =>
      runValidation(
        {
          path,
          table: settings,
          mapping: [
            { kind: 'field', field: 'email' },
            { kind: 'field', field: 'first_name' },
          ],
          mode: 'audience',
          country: 'RU',
          dateOrder: 'dmy',
          duplicates: 'first',
          outDir,
        },
        onProgress,
      )

    it('a windows-1251 tail in a UTF-8 file: those rows are reported by number, not garbled', async () => {
      // 100 KB of UTF-8 first, so the detection sample (64 KB) sees valid UTF-8 only.
      const head = Array.from({ length: 3000 }, (_, i) => `u${i}@example.com;Анна ${i}`)
      const tail = Array.from({ length: 50 }, (_, i) => `w${i}@example.com;Борис ${i}`)
      const path = join(dir, 'mixed.csv')
      await writeFile(
        path,
        Buffer.concat([
          Buffer.from(`email;name\n${head.join('\n')}\n`, 'utf8'),
          iconv.encode(`${tail.join('\n')}\n`, 'windows-1251'),
        ]),
      )
      const outDir = join(dir, 'mixed')
      const result = await check(path, outDir).result
      expect(result.counts).toMatchObject({ total: 3050, rejected: 50, toUpload: 3000 })
      const summary = result.fieldIssues.find((f) => f.reason === 'encoding-invalid')
      expect(summary).toMatchObject({
        field: 'row',
        count: 50,
        examples: [3002, 3003, 3004, 3005, 3006],
      })
      expect(summary?.suggestedEncoding).toBe('windows-1251')
      const rows = await readFile(join(outDir, 'rows.jsonl'), 'utf8')
      expect(rows).not.toContain('\uFFFD')
      expect(rows).not.toContain('w0@example.com')
    })

    it('a file cut short while it is being checked fails clearly instead of passing shorter', async () => {
      const path = join(dir, 'growing.csv')
      const body = Array.from({ length: 400_000 }, (_, i) => `c${i}@example.com;Name ${i}`)
      await writeFile(path, `email;name\n${body.join('\n')}\n`)
      let cut = false
      const run = check(path, join(dir, 'cut'), () => {
        if (cut) return
        cut = true
        void truncate(path, 1024 * 1024)
      })
      await expect(run.result).rejects.toMatchObject({
        appError: { details: { reason: 'changed-while-checked' } },
      })
      expect(cut).toBe(true)
    })
  },
)
