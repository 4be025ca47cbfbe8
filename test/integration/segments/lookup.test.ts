import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogueCsv, readCatalogueCsv } from '../../../src/main/services/segments/catalogue-csv'
import { SegmentCatalogue } from '../../../src/main/services/segments/catalogue-store'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { normalisePhone } from '../../../src/shared/contacts'
import { AppFailure } from '../../../src/shared/errors'
import { harness, PROFILE } from './harness'
import { dialectFor, PLAIN_CSV } from '../../../src/main/services/files/csv'

/**
 * One customer's segments through the service, against the Demo shop sandbox over loopback:
 * what a marketer sees after a lookup, an add and a remove, and what went over the wire.
 */
let sandbox: Sandbox
let h: Awaited<ReturnType<typeof harness>>
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  h = await harness({ url: sandbox.url })
})
afterAll(async () => {
  await h.cleanup()
  await sandbox.close()
})

const keyOf = (err: unknown): unknown =>
  err instanceof AppFailure ? err.appError.details?.messageKey : err

/** A customer with an email and a phone the shared rule reads as valid. */
function someone() {
  const c = sandbox.state.main.customers.find(
    (x) => x.email && x.phone && normalisePhone(`+${x.phone}`, 'RU') === x.phone,
  )
  if (!c?.email || !c.phone) throw new Error('no customer with both contacts')
  return { ...c, email: c.email, phone: c.phone }
}

describe('segment lookup, add and remove', () => {
  it('names the segments a customer is in, learning their types', async () => {
    const c = someone()
    const truth = [...sandbox.state.main.segments.values()].filter((s) => s.members.has(c.index))
    await h.catalogue.create(PROFILE, 313, 'VIP customers')
    const found = await h.service.lookup({ contact: `  ${c.email.toUpperCase()} ` })
    expect(found.found).toBe(true)
    expect(found.contact).toEqual({ email: c.email, phone: null })
    expect(found.segments.map((s) => s.id).sort()).toEqual(truth.map((s) => s.id).sort())
    for (const s of found.segments) {
      expect(s.type).toBe(sandbox.state.main.segments.get(s.id)?.type)
      expect(s.name).toBe(s.id === 313 ? 'VIP customers' : null)
    }
    // Seen IDs join the list unnamed, so the screen can offer to name them.
    expect(h.catalogue.list(PROFILE).map((s) => s.id)).toEqual(
      expect.arrayContaining(found.segments.map((s) => s.id)),
    )
  })

  it('adds and removes by phone, read in the shop’s country, and the lookup follows', async () => {
    const c = someone()
    const local = `+${c.phone.slice(0, 1)} (${c.phone.slice(1, 4)}) ${c.phone.slice(4)}`
    await h.catalogue.create(PROFILE, 334, 'Webinar attendees')
    h.urls.length = 0
    sandbox.journal.clear()

    const added = await h.service.change({ contact: local, segmentId: 334, action: 'add' })
    expect(added).toMatchObject({ id: 334, name: 'Webinar attendees', type: 'static', added: 1 })
    expect((await h.service.lookup({ contact: local })).segments.map((s) => s.id)).toContain(334)
    expect((await h.service.includes({ contact: c.email, segmentId: 334 })).includes).toBe(true)

    await h.service.change({ contact: local, segmentId: 334, action: 'remove' })
    expect((await h.service.lookup({ contact: local })).segments.map((s) => s.id)).not.toContain(
      334,
    )
    expect((await h.service.includes({ contact: local, segmentId: 334 })).includes).toBe(false)
    expect(h.catalogue.get(PROFILE, 334)).toMatchObject({ added: 1, removed: 1 })

    // As the reference has it: add/remove form-encoded POSTs with the secret in the body,
    // get/includes GETs with query parameters; the phone as digits with the country code.
    const entries = sandbox.journal.entries()
    for (const e of entries) {
      if (e.path === '/segments/add' || e.path === '/segments/remove') {
        expect(e.method).toBe('POST')
        expect(e.contentType).toMatch(/application\/x-www-form-urlencoded/)
        expect(e.secretPlacement).toBe('form')
        expect(e.body).toMatchObject({ phone: c.phone, segment_id: '334' })
      } else {
        expect(e.method).toBe('GET')
        expect(e.secretPlacement).toBe('query')
      }
    }
    expect(entries.map((e) => e.path)).toEqual([
      '/segments/add',
      '/segments/get',
      '/segments/includes',
      '/segments/remove',
      '/segments/get',
      '/segments/includes',
    ])
    for (const url of h.urls.filter((u) => u.includes('/segments/add') || u.includes('/remove')))
      expect(url).not.toContain(DEMO_SHOP.secret)
  })

  it('says a customer PersonaClick does not know is not found', async () => {
    const found = await h.service.lookup({ contact: 'nobody-here@example.com' })
    expect(found).toEqual({
      contact: { email: 'nobody-here@example.com', phone: null },
      found: false,
      segments: [],
    })
  })

  it('refuses a dynamic segment before any request, and unreadable contacts by name', async () => {
    const c = someone()
    await h.service.lookup({ contact: c.email }) // teaches the list that 314 is dynamic
    await h.catalogue.note(PROFILE, [{ id: 314, type: 'dynamic' }])
    sandbox.journal.clear()
    const err = await h.service
      .change({ contact: c.email, segmentId: 314, action: 'add' })
      .catch((e: unknown) => e)
    expect(keyOf(err)).toBe('segment-dynamic')
    expect(sandbox.journal.count()).toBe(0)
    const bad = await h.service.lookup({ contact: 'not an address' }).catch((e: unknown) => e)
    expect(keyOf(bad)).toBe('segment-contact-invalid')
  })

  it('passes PersonaClick’s own reason when a segment does not exist', async () => {
    const err = await h.service
      .change({ contact: someone().email, segmentId: 999_999, action: 'add' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppFailure)
    expect((err as AppFailure).appError).toMatchObject({
      code: 'API_NOT_FOUND',
      details: { apiMessage: 'Segment not found' },
    })
  })
})

describe('the segment list', () => {
  it('refuses a duplicate ID, renames, forgets, and survives a restart', async () => {
    const cat = await SegmentCatalogue.open(h.dir)
    const err = await cat.create(PROFILE, 313, 'Again').catch((e: unknown) => e)
    expect(keyOf(err)).toBe('segment-exists')
    await cat.rename(PROFILE, 313, 'VIP', 'Top 5% by revenue')
    await cat.forget(PROFILE, 327)
    const reopened = await SegmentCatalogue.open(h.dir)
    expect(reopened.get(PROFILE, 313)).toMatchObject({ name: 'VIP', note: 'Top 5% by revenue' })
    expect(reopened.get(PROFILE, 327)).toBeUndefined()
    // Another shop's list is its own.
    expect(reopened.list('another-shop')).toEqual([])
  })

  it('round-trips through CSV, formula-safe, keeping counts and types', async () => {
    const cat = await SegmentCatalogue.open(h.dir)
    await cat.create(PROFILE, 777, '=HYPERLINK("x")', 'shared')
    await cat.rename(PROFILE, 314, 'Active in last 30 days')
    const csv = catalogueCsv(cat.list(PROFILE), PLAIN_CSV)
    expect(csv).toContain(`'=HYPERLINK`)
    const file = join(h.dir, 'shared.csv')
    await writeFile(file, csv.replace(`'=HYPERLINK(""x"")`, 'Renamed by a colleague'))
    const rows = await readCatalogueCsv(file)
    const other = await SegmentCatalogue.open(join(h.dir, 'colleague'))
    expect(await other.merge(PROFILE, rows)).toBe(rows.length)
    expect(other.get(PROFILE, 777)).toMatchObject({ name: 'Renamed by a colleague', added: 0 })
    expect(other.get(PROFILE, 314)).toMatchObject({
      name: 'Active in last 30 days',
      type: 'dynamic',
    })
    // A list a Russian colleague exported (`;`, Russian headers and types) reads the same.
    await writeFile(file, catalogueCsv(cat.list(PROFILE), dialectFor('ru')))
    expect((await readFile(file, 'utf8')).split('\r\n')[0]).toBe('\uFEFFID;Название;Заметка;Тип')
    const english = join(h.dir, 'shared-en.csv')
    await writeFile(english, catalogueCsv(cat.list(PROFILE), dialectFor('en')))
    expect(await readCatalogueCsv(file)).toEqual(await readCatalogueCsv(english))
    expect((await readCatalogueCsv(file)).find((r) => r.id === 314)?.type).toBe('dynamic')
    // Unnamed IDs are not shared: a colleague has nothing to learn from them.
    expect(rows.every((r) => r.name !== '')).toBe(true)
    await writeFile(file, 'foo,bar\n1,2\n')
    expect(keyOf(await readCatalogueCsv(file).catch((e: unknown) => e))).toBe(
      'segment-catalogue-unreadable',
    )
  })
})
