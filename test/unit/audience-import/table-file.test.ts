import { mkdtemp, rm, writeFile, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectTableFile, readTableRows, settingsFrom } from '../../../src/main/services/table-file'
import { AppFailure } from '../../../src/shared/errors'
import { tableFixtures } from '../../fixtures/table-files'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'table-file-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, bytes: Buffer): Promise<string> {
  const p = join(dir, name)
  await writeFile(p, bytes)
  return p
}

async function readAll(path: string) {
  const d = await detectTableFile(path)
  const rows = []
  for await (const r of readTableRows(path, settingsFrom(d))) rows.push(r)
  return { d, rows }
}

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppFailure)
  return err as AppFailure
}

describe('detectTableFile + readTableRows', () => {
  it('UTF-8 with BOM: BOM stripped from the first header', async () => {
    const { d, rows } = await readAll(await file('bom.csv', tableFixtures.utf8Bom()))
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', hasHeader: true })
    expect(d.headers).toEqual(['Email', 'Имя', 'Телефон'])
    expect(rows).toEqual([
      { rowNumber: 2, fields: ['anna@example.com', 'Анна', '+7 916 123-45-67'] },
      { rowNumber: 3, fields: ['bob@example.com', 'Bob', ''] },
    ])
  })

  it('windows-1251 with ; and decimal commas', async () => {
    const { d, rows } = await readAll(await file('1251.csv', tableFixtures.cp1251()))
    expect(d).toMatchObject({ encoding: 'windows-1251', delimiter: ';', hasHeader: true })
    expect(d.headers).toEqual(['Почта', 'Имя', 'Фамилия', 'Бонусы'])
    expect(rows.map((r) => r.fields)).toEqual([
      ['ivan@example.ru', 'Иван', 'Петров', '1500,00'],
      ['maria@example.ru', 'Мария', 'Сидорова', '20,5'],
      ['олег@пример.рф', 'Олег', 'Смирнов', '0'],
    ])
  })

  it('windows-1254 (Turkish)', async () => {
    const { d, rows } = await readAll(await file('1254.csv', tableFixtures.cp1254()))
    expect(d.encoding).toBe('windows-1254')
    expect(d.headers).toEqual(['E-posta', 'Ad', 'Soyad', 'Şehir'])
    expect(rows[1]!.fields).toEqual(['sukru@example.com.tr', 'Şükrü', 'Öztürk', 'Iğdır'])
  })

  it('KOI8-R', async () => {
    const { d, rows } = await readAll(await file('koi8.csv', tableFixtures.koi8r()))
    expect(d.encoding).toBe('koi8-r')
    expect(rows[0]!.fields).toEqual(['ivan@example.ru', 'Иван', 'Петров'])
  })

  it.each([
    ['utf-16le', tableFixtures.utf16le()],
    ['utf-16be', tableFixtures.utf16be()],
  ])('%s with tabs', async (enc, bytes) => {
    const { d, rows } = await readAll(await file(`${enc}.tsv`, bytes))
    expect(d).toMatchObject({ encoding: enc, delimiter: '\t' })
    expect(d.headers).toEqual(['Email', 'Name'])
    expect(rows).toEqual([{ rowNumber: 2, fields: ['zoe@example.com', 'Zoë'] }])
  })

  it('RFC 4180: quoted commas, escaped quotes, quoted newlines, CR/LF/CRLF, empty fields', async () => {
    const { rows } = await readAll(await file('rfc.csv', tableFixtures.rfc4180()))
    expect(rows).toEqual([
      { rowNumber: 2, fields: ['a@example.com', 'Smith, Jane', 'She said "hi"'] },
      { rowNumber: 3, fields: ['b@example.com', 'Line\r\nbreak', 'two\nlines'] },
      { rowNumber: 4, fields: ['c@example.com', 'Ünïcödé', ''] },
      { rowNumber: 5, fields: ['d@example.com', '', ''] },
    ])
  })

  it('ragged rows are kept as they are; blank rows skipped but counted', async () => {
    const { rows } = await readAll(await file('ragged.csv', tableFixtures.ragged()))
    expect(rows).toEqual([
      { rowNumber: 2, fields: ['a@example.com'] },
      { rowNumber: 3, fields: ['b@example.com', 'Bo', 'Li', 'extra'] },
      { rowNumber: 6, fields: ['c@example.com', 'Cy'] },
    ])
  })

  it("Excel's sep=; line sets the delimiter and is skipped", async () => {
    const { d, rows } = await readAll(await file('sep.csv', tableFixtures.excelSep()))
    expect(d).toMatchObject({ delimiter: ';', sepLine: true, headers: ['email', 'name'] })
    expect(rows).toEqual([{ rowNumber: 2, fields: ['a@example.com', 'A, B'] }])
  })

  it('overrides win over detection', async () => {
    const p = await file('ovr.csv', tableFixtures.cp1251())
    const d = await detectTableFile(p, { encoding: 'koi8-r', delimiter: ',', hasHeader: false })
    expect(d).toMatchObject({ encoding: 'koi8-r', delimiter: ',', hasHeader: false })
    expect(d.headers[0]).toBe('Column 1')
  })

  it.each([
    ['empty', tableFixtures.empty()],
    ['empty', tableFixtures.whitespace()],
    ['binary', tableFixtures.binary()],
    ['binary', tableFixtures.xlsx()],
    ['header-only', tableFixtures.headerOnly()],
  ])('%s file: a clear message', async (reason, bytes) => {
    const p = await file(`${reason}-${Math.random()}.csv`, bytes)
    const err = await failure(detectTableFile(p))
    expect(err.appError.details?.reason).toBe(reason)
    expect(err.message.length).toBeGreaterThan(30)
  })

  it('header-only and empty files also fail when read directly', async () => {
    const p = await file('h.csv', tableFixtures.headerOnly())
    const s = { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false } as const
    const read = async () => {
      for await (const _ of readTableRows(p, s)) void _
    }
    expect((await failure(read())).appError.details?.reason).toBe('header-only')
  })

  it('a 50 MB single line: detection says so at once, reading stops at the row limit', async () => {
    const p = join(dir, 'long.csv')
    const fh = await open(p, 'w')
    const chunk = Buffer.alloc(1024 * 1024, 'a,')
    for (let i = 0; i < 50; i++) await fh.write(chunk)
    await fh.close()
    const started = Date.now()
    const err = await failure(detectTableFile(p))
    expect(err.appError.details?.reason).toBe('long-line')
    expect(Date.now() - started).toBeLessThan(1000)
    const read = async () => {
      const s = { encoding: 'utf-8', delimiter: ',', hasHeader: false, sepLine: false } as const
      for await (const _ of readTableRows(p, s)) void _
    }
    const e2 = await failure(read())
    expect(e2.appError.details).toMatchObject({ reason: 'long-row', row: 1 })
  })

  it('previews only the first 64 KB of a big file', async () => {
    const p = join(dir, 'big.csv')
    const fh = await open(p, 'w')
    await fh.write('email,name\n')
    const block = Buffer.from(
      Array.from({ length: 20000 }, (_, i) => `u${i}@example.com,"N, ${i}"\n`).join(''),
    )
    for (let i = 0; i < 10; i++) await fh.write(block)
    await fh.close()
    const d = await detectTableFile(p)
    expect(d.preview).toHaveLength(20)
    expect(d.preview[0]).toEqual(['u0@example.com', 'N, 0'])
    expect(d.sizeBytes).toBeGreaterThan(5_000_000)
  })
})
