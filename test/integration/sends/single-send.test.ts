import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/shared/errors'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { harness, type Harness } from './harness'

let sandbox: Sandbox
let h: Harness
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  h = await harness({ url: sandbox.url })
})
afterAll(async () => {
  await h.cleanup()
  await sandbox.close()
})

describe('single transactional send over real HTTP', () => {
  it('arrives as the documented JSON body and returns a code', async () => {
    sandbox.journal.clear()
    const entry = await h.sends.send({
      route: 'transact',
      code: 'order_created',
      email: 'Anna@Example.com',
      variables: { name: 'Anna', total: 1250 },
    })
    // The address is read by the shared contact rule: lower-cased whole, as the import keeps it.
    expect(entry).toMatchObject({
      status: 'sent',
      email: 'anna@example.com',
      campaign: 'order_created',
    })
    expect(entry.messageCode).toBeTruthy()
    const [req] = sandbox.journal.entries()
    expect(req).toMatchObject({ method: 'POST', path: '/transact', status: 200 })
    expect(req?.contentType).toMatch(/^application\/json/)
    expect(req?.body).toEqual({
      shop_id: DEMO_SHOP.shopId,
      shop_secret: '[redacted]',
      code: 'order_created',
      email: 'anna@example.com',
      variables: { name: 'Anna', total: 1250 },
    })
    expect(req?.secretPlacement).toBe('body')

    expect(h.log.list(entry.profileId).items[0]?.email).toBe('a***@e***.com')
  })

  it('sends SMS with the phone normalised with the shop country', async () => {
    sandbox.journal.clear()
    const entry = await h.sends.send({
      route: 'sms',
      code: 'sms_one_time_code',
      phone: '8 912 345-67-89',
      variables: { otp: '1234' },
    })
    expect(entry.status).toBe('sent')
    expect(sandbox.journal.entries()[0]).toMatchObject({
      path: '/sms/transactional',
      body: { code: 'sms_one_time_code', phone: '79123456789', variables: { otp: '1234' } },
    })
  })

  it('sends attachments as multipart with variables[KEY] fields and the files', async () => {
    sandbox.journal.clear()
    const path = join(h.dir, 'invoice.pdf')
    await writeFile(path, Buffer.alloc(2048, 1))
    const file = await h.files.registerPath(path)
    const entry = await h.sends.send({
      route: 'transact',
      code: 'order_shipped',
      email: 'bob@example.com',
      variables: { order: 'A-1' },
      sendEverywhere: true,
      attachments: [file],
    })
    expect(entry.status).toBe('sent')
    const [req] = sandbox.journal.entries()
    expect(req?.contentType).toMatch(/^multipart\/form-data/)
    expect(req?.files).toEqual([{ field: 'file_name', filename: 'invoice.pdf', size: 2048 }])
    // The sandbox parses variables[KEY] form fields back into an object.
    expect(req?.body).toMatchObject({
      shop_secret: '[redacted]',
      code: 'order_shipped',
      send_everywhere: 'true',
      variables: { order: 'A-1' },
    })
    expect(sandbox.state.main.sends.at(-1)).toMatchObject({
      variables: { order: 'A-1' },
      files: [{ filename: 'invoice.pdf' }],
    })
  })

  it('refuses invalid sends before any request, with a clear message', async () => {
    sandbox.journal.clear()
    const big = join(h.dir, 'big.bin')
    await writeFile(big, Buffer.alloc(6 * 1024 * 1024))
    const a = await h.files.registerPath(big)
    const b = await h.files.registerPath(big)
    const cases = [
      [{ route: 'transact', code: '', email: 'a@b.co' }, /campaign code/],
      [{ route: 'transact', code: 'welcome' }, /email or a phone/],
      [{ route: 'transact', code: 'welcome', email: 'nope@' }, /email address/],
      [{ route: 'sms', code: 'x', phone: '123' }, /phone number/],
      [
        { route: 'transact', code: 'welcome', email: 'a@b.co', variables: [1] },
        /must be an object/,
      ],
      // The page claims small sizes; main checks the real ones.
      [
        {
          route: 'transact',
          code: 'welcome',
          email: 'a@b.co',
          attachments: [
            { ...a, size: 1 },
            { ...b, size: 1 },
          ],
        },
        /10 MB/,
      ],
    ] as const
    for (const [draft, message] of cases) {
      const err = await h.sends.send(draft as never).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(AppFailure)
      expect((err as AppFailure).appError.code).toBe('INVALID_INPUT')
      expect((err as AppFailure).message).toMatch(message)
    }
    expect(sandbox.journal.entries()).toEqual([])
  })

  it('reports a refused campaign as failed and an unanswered send as unknown', async () => {
    const failed = await h.sends.send({
      route: 'transact',
      code: 'no_such_campaign',
      email: 'c@example.com',
    })
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 'API_NOT_FOUND',
      messageCode: null,
    })
    sandbox.setFaults({ dropRate: 1, dropAfterProcessing: true })
    try {
      const unknown = await h.sends.send({
        route: 'transact',
        code: 'welcome',
        email: 'd@example.com',
      })
      expect(unknown).toMatchObject({ status: 'unknown', errorCode: 'OUTCOME_UNKNOWN' })
    } finally {
      sandbox.setFaults({})
    }
    // Processed exactly once, not resent.
    expect(sandbox.state.main.sends.filter((s) => s.email === 'd@example.com')).toHaveLength(1)
  })
})
