import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runValidation } from '../../../src/main/services/audience-import/run-validation'
import {
  validateFile,
  type ValidateFileConfig,
} from '../../../src/main/services/audience-import/validate-file'
import type { ColumnMapping } from '../../../src/shared/import'
import { mapping as benchMapping, writeContacts } from '../../bench/contacts-file'
import { validateFile as referenceValidateFile } from './reference/validate-file'
import { trickyCsv, trickyMapping } from './reference/tricky-file'

/**
 * The import's validation is tuned for speed; `reference/` keeps the straightforward
 * implementation it replaced (one row at a time through the shared contact rules and
 * libphonenumber). Both check the same files and must write the same rows, the same error
 * report (row numbers, reasons, examples) and the same summary, byte for byte.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validation-reference-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Config = Omit<ValidateFileConfig, 'outDir'>

/** Small pieces, so that these files are cut in many places (quoted line breaks too). */
const pieces = { segmentBytes: 16 * 1024, threads: 2 }

async function both(name: string, cfg: Config, viaWorker = false) {
  const fast = join(dir, `${name}-fast`)
  const ref = join(dir, `${name}-ref`)
  const fastResult = viaWorker
    ? await runValidation({ ...pieces, ...cfg, outDir: fast }, () => {}).result
    : await validateFile({ ...pieces, ...cfg, outDir: fast })
  const refResult = await referenceValidateFile({ ...cfg, outDir: ref })
  const read = (d: string, f: string) => readFile(join(d, f), 'utf8')
  return {
    fast: {
      result: fastResult,
      rows: await read(fast, 'rows.jsonl'),
      issues: await read(fast, 'issues.jsonl'),
    },
    ref: {
      result: refResult,
      rows: await read(ref, 'rows.jsonl'),
      issues: await read(ref, 'issues.jsonl'),
    },
  }
}

function expectSame(out: Awaited<ReturnType<typeof both>>) {
  expect(out.fast.result).toEqual(out.ref.result)
  // Line by line first, so a difference names the row.
  expect(out.fast.issues.split('\n')).toEqual(out.ref.issues.split('\n'))
  expect(out.fast.rows.split('\n')).toEqual(out.ref.rows.split('\n'))
  expect(out.fast.rows).toBe(out.ref.rows)
  expect(out.fast.issues).toBe(out.ref.issues)
}

describe(
  'the fast validation writes exactly what the reference writes',
  { timeout: 120_000 },
  () => {
    const benchTable = {
      encoding: 'utf-8',
      delimiter: ',',
      hasHeader: true,
      sepLine: false,
    } as const
    let benchFile: string
    beforeAll(async () => {
      benchFile = join(dir, 'contacts.csv')
      await writeContacts(benchFile, 30_000)
    })

    it('the bench file, first wins, in the worker as the app runs it', async () => {
      const out = await both(
        'bench-first',
        {
          path: benchFile,
          table: benchTable,
          mapping: benchMapping,
          mode: 'audience',
          country: 'RU',
          dateOrder: 'dmy',
          duplicates: 'first',
        },
        true,
      )
      // The file is what the bench measures: rejected rows, duplicates and warnings all occur.
      expect(out.ref.result.counts).toMatchObject({ total: 30_000 })
      expect(out.ref.result.counts.rejected).toBeGreaterThan(100)
      expect(out.ref.result.counts.duplicates).toBeGreaterThan(100)
      expect(out.ref.result.counts.withWarnings).toBeGreaterThan(100)
      expectSame(out)
    })

    it('the bench file, last wins, months first, Turkish default country', async () => {
      expectSame(
        await both('bench-last', {
          path: benchFile,
          table: benchTable,
          mapping: benchMapping,
          mode: 'audience',
          country: 'TR',
          dateOrder: 'mdy',
          duplicates: 'last',
        }),
      )
    })

    it('the bench file on the streaming reader (no checking threads)', async () => {
      expectSame(
        await both('bench-streaming', {
          path: benchFile,
          table: benchTable,
          mapping: benchMapping,
          mode: 'audience',
          country: 'RU',
          dateOrder: 'dmy',
          duplicates: 'last',
          threads: 0,
        }),
      )
    })

    it('the bench file as a suppression list', async () => {
      expectSame(
        await both('bench-suppressed', {
          path: benchFile,
          table: benchTable,
          mapping: benchMapping,
          mode: 'suppressed',
          country: 'RU',
          dateOrder: 'dmy',
          duplicates: 'last',
        }),
      )
    })

    for (const [delimiter, sepLine, duplicates, country] of [
      [',', false, 'first', 'RU'],
      [';', true, 'last', 'RU'],
      ['\t', false, 'first', 'US'],
      [';', false, 'last', 'KZ'],
    ] as const) {
      it(`tricky cells, ${JSON.stringify(delimiter)}${sepLine ? ' with sep=' : ''}, ${duplicates} wins, ${country}`, async () => {
        const path = join(dir, `tricky-${country}-${duplicates}.csv`)
        await writeFile(path, trickyCsv(6000, delimiter, sepLine))
        const out = await both(`tricky-${country}-${duplicates}`, {
          path,
          table: { encoding: 'utf-8', delimiter, hasHeader: true, sepLine },
          mapping: trickyMapping,
          mode: 'audience',
          country,
          dateOrder: duplicates === 'first' ? 'dmy' : 'mdy',
          duplicates,
        })
        expect(out.ref.result.counts.duplicates).toBeGreaterThan(50)
        expectSame(out)
      })
    }

    it('a windows-1251 file, and a UTF-8 file with a windows-1251 tail', async () => {
      const text = trickyCsv(3000, ';')
      const whole = join(dir, 'cp1251.csv')
      await writeFile(whole, iconv.encode(text, 'windows-1251'))
      const table = {
        encoding: 'windows-1251',
        delimiter: ';',
        hasHeader: true,
        sepLine: false,
      } as const
      const cfg = {
        mapping: trickyMapping,
        mode: 'audience',
        country: 'RU',
        dateOrder: 'dmy',
        duplicates: 'first',
      } as const
      expectSame(await both('cp1251', { ...cfg, path: whole, table }))

      const mixed = join(dir, 'mixed.csv')
      const cut = text.indexOf('\n', text.length >> 1) + 1
      await writeFile(
        mixed,
        Buffer.concat([
          Buffer.from(text.slice(0, cut), 'utf8'),
          iconv.encode(text.slice(cut), 'windows-1251'),
        ]),
      )
      const out = await both('mixed', {
        ...cfg,
        path: mixed,
        table: { ...table, encoding: 'utf-8' },
      })
      expect(out.ref.result.fieldIssues.find((f) => f.reason === 'encoding-invalid')).toBeDefined()
      expectSame(out)
    })

    it('an unclosed quote deep in a large file: the same error, row number included', async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) =>
        i === 15_000 ? `"open${i}@example.com,Anna` : `u${i}@example.com,Anna`,
      )
      const path = join(dir, 'unclosed.csv')
      await writeFile(path, `email,name\n${rows.join('\n')}\n`)
      const mapping: ColumnMapping = [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'first_name' },
      ]
      const cfg: Config = {
        path,
        table: benchTable,
        mapping,
        mode: 'audience',
        country: 'RU',
        dateOrder: 'dmy',
        duplicates: 'first',
      }
      const failure = (p: Promise<unknown>) =>
        p.then(
          () => null,
          (e: unknown) => e,
        )
      const fast = await failure(
        validateFile({ ...pieces, ...cfg, outDir: join(dir, 'open-fast') }),
      )
      const ref = await failure(referenceValidateFile({ ...cfg, outDir: join(dir, 'open-ref') }))
      expect(ref).toMatchObject({ appError: { details: { reason: 'unclosed-quote' } } })
      expect(fast).toEqual(ref)
      expect((fast as Error).message).toBe((ref as Error).message)
    })
  },
)
