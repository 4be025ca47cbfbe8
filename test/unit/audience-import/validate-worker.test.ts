import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  'bad-email;+79160000001;Bad;m;1;;\n' + // rejected: the email is wrong
  ';;NoId;m;;;\n' + // rejected: no identifier
  ';+7 916 000-00-02;Phone only;n/a;;;blue\n' + // kept, gender dropped (warning)
  'ANNA@example.com;;Anna again;f;;;green\n' // duplicate of row 2

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

describe('validation in the worker thread', () => {
  it('normalises, rejects, warns and keeps the first duplicate', async () => {
    const { result, rows, issues, progress } = await run('first')
    expect(result.counts).toEqual({
      total: 5,
      valid: 3,
      rejected: 2,
      duplicates: 1,
      withWarnings: 1,
      toUpload: 2,
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
    ])
    expect(issues.map((i) => [i.rowNumber, i.rejected])).toEqual([
      [3, true],
      [4, true],
      [5, false],
      [6, true],
    ])
    expect(issues[0]!.issues).toEqual([{ field: 'email', reason: 'email-invalid' }])
    expect(result.fieldIssues.find((f) => f.field === 'email')).toMatchObject({
      count: 1,
      examples: [3],
    })
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(progress.at(-1)).toBe(5)
  })

  it('last wins keeps the later duplicate', async () => {
    const { rows, result } = await run('last')
    expect(result.counts.toUpload).toBe(2)
    expect(rows.map((r) => r.first_name)).toEqual(['Phone only', 'Anna again'])
  })

  it('suppression mode sends the email only', async () => {
    const { rows } = await run('first', 'suppressed')
    expect(rows).toEqual([{ email: 'anna@example.com' }])
  })
})
