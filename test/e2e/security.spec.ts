import { expect, test, testOnSharedHost } from './support/fixtures'

// Checks that change nothing on the host share one per test worker; the ones about
// sessions and launch links get a host of their own.

testOnSharedHost(
  'the renderer has no Node: require, process and module are undefined',
  async ({ app }) => {
    const types = await app.evaluate(() => [typeof require, typeof process, typeof module])
    expect(types).toEqual(['undefined', 'undefined', 'undefined'])
  },
)

testOnSharedHost(
  'window.pc exposes exactly invoke and on, and cannot be replaced',
  async ({ app }) => {
    expect(await app.evaluate(() => Object.keys(window.pc).sort())).toEqual(['invoke', 'on'])
    const replaced = await app.evaluate(() => {
      try {
        ;(window as unknown as { pc: unknown }).pc = { evil: true }
      } catch {
        return 'threw'
      }
      return Object.keys(window.pc).join(',')
    })
    expect(['threw', 'invoke,on']).toContain(replaced)
  },
)

testOnSharedHost('a strict CSP is present and blocks inline scripts', async ({ app }) => {
  const meta = await app
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(meta).toMatch(/script-src 'self'(;|$)/)
  const outcome = await app.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    )
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.body.appendChild(s)
    const directive = await violation
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive }
  })
  expect(outcome.ran).toBe(false)
  expect(outcome.directive).toMatch(/script-src/)
})

testOnSharedHost('window.open is refused and opens nothing', async ({ app, context }) => {
  const before = context.pages().length
  const result = await app.evaluate(() => window.open('https://example.com/') === null)
  expect(result).toBe(true)
  expect(context.pages().length).toBe(before)
})

testOnSharedHost('an outside link does not navigate the console away', async ({ app, host }) => {
  await app.evaluate(() => {
    const a = document.createElement('a')
    a.href = 'https://evil.test/phish'
    a.textContent = 'phish'
    a.id = 'phish'
    document.body.appendChild(a)
  })
  await app.locator('#phish').click()
  await expect(app.getByTestId('toast-error')).toContainText('outside PersonaClick')
  expect(new URL(app.url()).origin).toBe(host.origin)
  // A script-driven navigation to another origin is cancelled too.
  await app.evaluate(() => location.assign('https://evil.test/'))
  await app.waitForLoadState()
  expect(new URL(app.url()).origin).toBe(host.origin)
  await expect(app.getByTestId('view-overview')).toBeVisible()
})

testOnSharedHost(
  'an allowed documentation link goes to main, not into the window',
  async ({ app, host }) => {
    await app.getByTestId('docs-link').click()
    await expect(app.getByTestId('toast-error')).toHaveCount(0)
    expect(new URL(app.url()).origin).toBe(host.origin)
  },
)

testOnSharedHost('error toasts are alerts and stay until dismissed', async ({ app }) => {
  await app.clock.install()
  await app.evaluate(() => {
    const a = document.createElement('a')
    a.href = 'https://evil.test/'
    a.id = 'bad'
    a.textContent = 'bad'
    document.body.appendChild(a)
  })
  await app.locator('#bad').click()
  const toast = app.getByRole('alert').filter({ hasText: 'outside PersonaClick' })
  await expect(toast).toBeVisible()
  // Success toasts fade after 5 s; an error must still be there well after that. The
  // page's clock jumps the minute instead of the test waiting it out.
  await app.clock.runFor(60_000)
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Dismiss' }).click()
  await expect(toast).toHaveCount(0)
})

test('a WebSocket without the session cookie is refused by the host', async ({ host, browser }) => {
  // A browser that never opened a launch link: the page loads, the socket does not.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(host.url)
  const outcome = await page.evaluate(
    (port) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`)
        ws.onopen = () => resolve('open')
        ws.onerror = () => resolve('refused')
      }),
    host.port,
  )
  expect(outcome).toBe('refused')
  await expect(page.getByTestId('connection')).toContainText('press Enter')
  await context.close()
})

test('a launch link works once: a second browser using it gets no session', async ({
  host,
  browser,
}) => {
  const link = await host.launchUrl()
  const first = await browser.newContext()
  const page = await first.newPage()
  await page.goto(link)
  await expect(page.getByTestId('connection')).toHaveAttribute('class', /connected/)
  // The address bar no longer shows the spent code, and the cookie is not readable.
  expect(new URL(page.url()).search).toBe('')
  expect(await page.evaluate(() => document.cookie)).toBe('')
  const second = await browser.newContext()
  const stranger = await second.newPage()
  await stranger.goto(link)
  await expect(stranger.getByTestId('connection')).toHaveAttribute('class', /signedOut/)
  // Whoever used the link first may not have been the marketer: that session ends too.
  await expect(page.getByTestId('connection')).not.toHaveAttribute('class', /\bconnected/)
  await first.close()
  await second.close()
})

test('a page on another origin cannot use the socket, even with the session cookie', async ({
  app,
  host,
}) => {
  // A second origin (another loopback port) plays the attacker's page. Cookies ignore
  // ports, so the browser sends our session cookie along: the Origin check must refuse.
  const http = await import('node:http')
  const server = http.createServer((_req, res) => res.end('<!doctype html><title>evil</title>'))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const evilPort = (server.address() as { port: number }).port
  const page = await app.context().newPage()
  await page.goto(`http://127.0.0.1:${evilPort}/`)
  const outcome = await page.evaluate(
    (port) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`)
        ws.onopen = () => resolve('open')
        ws.onerror = () => resolve('refused')
      }),
    host.port,
  )
  expect(outcome).toBe('refused')
  await page.close()
  server.close()
})

testOnSharedHost('the host keeps serving after garbage from the page', async ({ app }) => {
  const results = await app.evaluate(async () => {
    const codes: string[] = []
    const bad: [string, unknown][] = [
      ['nope', {}],
      ['settings:update', { theme: 'purple' }],
      ['settings:update', 'not an object'],
      ['__proto__', null],
    ]
    for (const [ch, input] of bad) {
      const r = await window.pc.invoke(ch as 'settings:get', input as Record<string, never>)
      codes.push(r.ok ? 'ok' : r.error.code)
    }
    return codes
  })
  expect(results).toEqual(['UNKNOWN_CHANNEL', 'INVALID_INPUT', 'INVALID_INPUT', 'UNKNOWN_CHANNEL'])
  await app.getByTestId('nav-about').click()
  await expect(app.getByTestId('view-about')).toContainText('PersonaClick Console')
})
