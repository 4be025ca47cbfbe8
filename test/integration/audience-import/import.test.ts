import { spawn, type ChildProcess } from 'node:child_process'
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { contactsCsv } from '../../fixtures/table-files'
import { importServiceFor, validated } from './support/service'
import { dialectFor, PLAIN_CSV } from '../../../src/main/services/files/csv'

let dir: string
let sb: Sandbox | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-it-'))
})
afterEach(async () => {
  await sb?.close()
  sb = undefined
  await rm(dir, { recursive: true, force: true })
})

/** Every audience row the sandbox accepted (2xx), in order, with repeats. */
function delivered(s: Sandbox): Record<string, unknown>[] {
  return s.journal
    .entries()
    .filter((e) => e.path === '/import/audience' && e.status === 200)
    .flatMap((e) => (e.body as { audience: Record<string, unknown>[] }).audience)
}

describe('audience import against the sandbox', () => {
  it('delivers every valid row exactly once, in the documented shape, and no rejected row', async () => {
    sb = await startSandbox({ port: 0 })
    const csv =
      'E-mail;Телефон;Имя;Пол;Подписка\n' +
      'Anna@Example.com;8 916 123-45-67;Анна;ж;да\n' +
      'broken;;X;m;\n' +
      ';+7 916 000-00-02;Олег;м;нет\n' +
      'anna@example.com;;Дубль;ж;\n' +
      'c@example.com;;"Smith; Jane";;\n'
    const path = join(dir, 'list.csv')
    await writeFile(path, csv)
    const { service, files } = await importServiceFor(join(dir, 'data'), sb.url)
    const f = await files.registerPath(path)
    const d = await service.detect({ fileId: f.fileId })
    d.suggested[4] = { kind: 'field', field: 'email_bulk' }
    const job = await service.validate({
      fileId: f.fileId,
      table: { ...d.detection },
      mapping: d.suggested,
      mode: 'audience',
      headers: d.detection.headers,
    } as never)
    const review = await service.settled(job.id)
    expect(review.counts).toMatchObject({ total: 5, rejected: 1, duplicates: 1, toUpload: 3 })
    await service.start({
      jobId: job.id,
      options: { batchSize: 2, dryRun: false, subscriptions: { sms_bulk: false } },
    })
    const done = await service.settled(job.id)
    expect(done.status).toBe('done')
    expect(done.upload).toMatchObject({ sentRows: 3, batchesDone: 2 })
    // The checked rows are not kept once uploaded (a million-row file leaves 150 MB); the
    // report's rows are, below.
    const kept = async () =>
      (await readdir(join(dir, 'data'), { recursive: true })).map((f) => f.split(/[\\/]/).pop())
    await vi.waitFor(async () => expect(await kept()).not.toContain('rows.jsonl'))
    expect(await kept()).toContain('issues.jsonl')
    expect(delivered(sb)).toEqual([
      {
        email: 'anna@example.com',
        phone: '79161234567',
        first_name: 'Анна',
        gender: 'f',
        email_bulk: true,
        sms_bulk: false,
      },
      { phone: '79160000002', first_name: 'Олег', gender: 'm', email_bulk: false, sms_bulk: false },
      { email: 'c@example.com', first_name: 'Smith; Jane', sms_bulk: false },
    ])
    const report = await service.errorReport({ jobId: job.id }, PLAIN_CSV)
    expect(report.content.startsWith('\uFEFFRow,Outcome,Reason,E-mail')).toBe(true)
    expect(report.content).toContain('broken')
    // In Russian the report is `;`-separated with Russian headers, and re-imports: the
    // file's own columns keep their headers, so they map as they did the first time.
    const russian = await service.errorReport({ jobId: job.id }, dialectFor('ru'))
    expect(russian.content.startsWith('\uFEFFСтрока;Результат;Причина;E-mail;Телефон')).toBe(true)
    expect(russian.content).toContain('Email: некорректный email')
    const fixed = join(dir, 'list-errors.csv')
    await writeFile(fixed, russian.content.replace('broken', 'fixed@example.com'))
    const again = await service.detect({ fileId: (await files.registerPath(fixed)).fileId })
    expect(again.detection).toMatchObject({ delimiter: ';', hasHeader: true })
    expect(again.suggested.slice(3, 5)).toEqual([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'phone' },
    ])
    // The sandbox really stored them.
    expect(sb.state.main.find({ phone: '79160000002' })?.firstName).toBe('Олег')
  })

  it('a dry run calls nothing; a changed file refuses to resume', async () => {
    sb = await startSandbox({ port: 0 })
    const path = join(dir, 'c.csv')
    await writeFile(path, contactsCsv(250))
    const { service, files } = await importServiceFor(join(dir, 'data'), sb.url)
    const f = await files.registerPath(path)
    const dry = await validated(service, f.fileId)
    await service.start({
      jobId: dry.id,
      options: { batchSize: 100, dryRun: true, subscriptions: {} },
    })
    expect((await service.settled(dry.id)).status).toBe('done')
    expect(sb.journal.count({ path: '/import/audience' })).toBe(0)

    const real = await validated(service, f.fileId)
    sb.setFaults({ rate5xx: 1 })
    await service.start({
      jobId: real.id,
      options: { batchSize: 100, dryRun: false, subscriptions: {} },
    })
    expect((await service.settled(real.id)).status).toBe('failed')
    sb.setFaults({})
    await appendFile(path, 'late@example.com,,,,,,\n')
    await expect(service.resume({ jobId: real.id })).rejects.toThrow(/changed since it was checked/)
    // Not stuck: paused, saying why, until a new import is started.
    expect(await service.settled(real.id)).toMatchObject({
      status: 'paused',
      error: { details: { reason: 'file-changed' } },
    })
  })

  it('resumes after the host process is killed mid-upload: every valid row arrives', async () => {
    sb = await startSandbox({ port: 0, faults: { latencyMs: 15 } })
    const path = join(dir, 'big.csv')
    await writeFile(path, contactsCsv(3000))
    const dataDir = join(dir, 'data')
    const first = child(['start', dataDir, sb.url, path])
    // Kill after 10 of the 30 batches (100 rows each) reached the sandbox.
    await until(() => sb!.journal.count({ path: '/import/audience' }) >= 10, 30_000)
    first.proc.kill('SIGKILL')
    await first.exited
    const before = new Set(delivered(sb).map((r) => r.email))
    expect(before.size).toBeLessThan(3000)
    const second = child(['resume', dataDir, sb.url])
    await second.exited
    const lines = second
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines[0]).toMatchObject({ phase: 'found', status: 'paused', interrupted: true })
    expect((lines.at(-1)!.state as { status: string }).status).toBe('done')
    const rows = delivered(sb)
    const emails = new Set(rows.map((r) => r.email))
    expect(emails.size).toBe(3000)
    // At most the batches in flight at the kill (four by default) are sent twice (the API
    // upserts).
    expect(rows.length - 3000).toBeLessThanOrEqual(4 * 100)
  }, 90_000)

  it('killed with batches in flight, a resume sends exactly the batches not acknowledged', async () => {
    // The first host talks to one sandbox, the resumed host to a fresh one: what each sent
    // is then apart. 150 ms per answer keeps the eight batches in flight when the kill lands.
    sb = await startSandbox({ port: 0, faults: { latencyMs: 150 } })
    const path = join(dir, 'big.csv')
    await writeFile(path, contactsCsv(3000))
    const dataDir = join(dir, 'data')
    const inFlight = 8
    const first = child(['start', dataDir, sb.url, path, String(inFlight)])
    await until(() => sb!.journal.count({ path: '/import/audience' }) >= 10, 30_000)
    first.proc.kill('SIGKILL')
    await first.exited
    // Closing waits for the requests the dead host left in flight: they took effect too.
    await sb.close()
    const beforeKill = delivered(sb)
    sb = undefined
    const jobs = join(dataDir, 'imports', 'jobs')
    const [jobId] = await readdir(jobs)
    const acked = new Set(
      (await readFile(join(jobs, jobId!, 'journal.jsonl'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { r?: number; s?: string })
        .filter((l) => l.s === 'acked')
        .map((l) => l.r!),
    )
    // Row i of contactsCsv is user<i>@example.com, in batch ⌊i / 100⌋.
    const batchOf = (row: Record<string, unknown>) =>
      Math.floor(Number(/^user(\d+)@/.exec(String(row.email))![1]) / 100)
    const reached = new Set(beforeKill.map(batchOf))
    expect(acked.size).toBeGreaterThan(0)
    expect(acked.size).toBeLessThan(30)
    // Every acknowledged batch reached the sandbox; at most those in flight did unanswered.
    for (const b of acked) expect(reached.has(b)).toBe(true)
    expect(reached.size - acked.size).toBeLessThanOrEqual(inFlight)

    sb = await startSandbox({ port: 0 })
    const second = child(['resume', dataDir, sb.url])
    await second.exited
    const last = JSON.parse(second.out().trim().split('\n').at(-1)!) as {
      state: { status: string }
    }
    expect(last.state.status).toBe('done')
    const afterResume = delivered(sb)
    // Exactly the batches the journal lacked, each row once; no acknowledged batch again.
    const missing = Array.from({ length: 30 }, (_, b) => b).filter((b) => !acked.has(b))
    expect(afterResume).toHaveLength(missing.length * 100)
    expect([...new Set(afterResume.map(batchOf))].sort((a, b) => a - b)).toEqual(missing)
    expect(new Set(afterResume.map((r) => r.email)).size).toBe(afterResume.length)
    // Together: every row of the file at the shop.
    const all = new Set([...beforeKill, ...afterResume].map((r) => r.email))
    expect(all.size).toBe(3000)
  }, 90_000)

  it('100,000 rows under 10% 5xx, 10% 429 and 5% dropped connections: nothing lost', async () => {
    sb = await startSandbox({
      port: 0,
      faultSeed: 7,
      faults: {
        rate5xx: 0.1,
        rate429: 0.1,
        retryAfterSeconds: 0,
        dropRate: 0.05,
        dropAfterProcessing: true,
      },
    })
    const path = join(dir, 'huge.csv')
    await writeFile(path, contactsCsv(100_000))
    const { service, files } = await importServiceFor(join(dir, 'data'), sb.url)
    const f = await files.registerPath(path)
    const review = await validated(service, f.fileId)
    expect(review.counts?.toUpload).toBe(100_000)
    await service.start({
      jobId: review.id,
      options: { batchSize: 1000, dryRun: false, subscriptions: {} },
    })
    const done = await service.settled(review.id)
    expect(done.status).toBe('done')
    const rows = delivered(sb)
    expect(new Set(rows.map((r) => r.email)).size).toBe(100_000)
    const faults = sb.journal.entries().filter((e) => e.fault)
    expect(faults.length).toBeGreaterThan(5)
    // Dropped-after-processing batches were applied but unanswered, so resent: report it.
    const dropped = faults.filter((e) => e.fault === 'drop').length
    console.info(
      `faults: ${faults.length}; ${dropped} batches were applied, unanswered and resent (their rows applied twice; the API upserts)`,
    )
  }, 120_000)
})

function child(args: string[]) {
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/child.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)))
  return { proc, exited, out: () => out }
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}
