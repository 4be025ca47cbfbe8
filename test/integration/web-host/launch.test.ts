import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import WebSocket from 'ws'
import { exchangeLaunchCode } from '../../support/host-links'
import { startHostProcess, type HostProcess } from './host-process'

/**
 * How the browser host lets a page in: a one-time launch code, exchanged on first load
 * for an HttpOnly session cookie. Nothing the launch leaves where others can read it
 * (the terminal, Chromium's command line) may open the console again.
 */
let host: HostProcess
beforeAll(async () => {
  host = await startHostProcess()
})
afterAll(() => host?.stop())

/** Presents a launch link as a browser would: the cookie it sets, or null. */
async function present(link: string, origin: string): Promise<string | null> {
  return exchangeLaunchCode(link, origin).catch(() => null)
}

/** The WebSocket upgrade's outcome with this cookie: 101, or the refusal's status. */
function upgrade(
  h: HostProcess,
  cookie: string | null,
): Promise<{ status: number; ws?: WebSocket }> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/ws`, {
    origin: h.origin,
    headers: cookie ? { cookie } : {},
  })
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ status: 101, ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ status: -1 }))
  })
}

const linksIn = (text: string): string[] => text.match(/http:\/\/\S+/g) ?? []

describe('launch links', () => {
  it('open a session once; a second use is refused and ends the session it opened', async () => {
    const link = await host.launchUrl()
    const cookie = await present(link, host.origin)
    expect(cookie).toMatch(/^pc_session_\d+=/)
    const opened = await upgrade(host, cookie)
    expect(opened.status).toBe(101)
    const closed = new Promise<number>((r) => opened.ws!.once('close', (code) => r(code)))

    expect(await present(link, host.origin)).toBeNull()
    // The code leaked to someone: the session it opened is no longer trusted either.
    expect(await closed).toBe(1008)
    expect((await upgrade(host, cookie)).status).toBe(403)
    // A fresh link still works: the marketer gets back in with Enter in the terminal.
    expect(await present(await host.launchUrl(), host.origin)).not.toBeNull()
  })

  it('refuse a socket and an upload without a session cookie', async () => {
    expect((await upgrade(host, null)).status).toBe(403)
    expect((await upgrade(host, 'pc_session_1=forged')).status).toBe(403)
    const upload = await fetch(`${host.url}upload?name=a.csv`, {
      method: 'POST',
      body: 'email\n',
      headers: { origin: host.origin },
    })
    expect(upload.status).toBe(403)
    const session = await fetch(`${host.url}session`)
    expect(session.status).toBe(401)
    const cookie = await present(await host.launchUrl(), host.origin)
    const signedIn = await fetch(`${host.url}session`, { headers: { cookie: cookie! } })
    expect(signedIn.status).toBe(204)
  })

  it('leave nothing reusable on stdout once the page has loaded', async () => {
    // The marketer opens the link the host printed at start, asks for another (Enter) and
    // uses it too (earlier tests here asked for and used some more).
    const first = linksIn(host.stdout()).find((l) => l.includes('code='))
    expect(await present(first!, host.origin)).not.toBeNull()
    expect(await present(await host.launchUrl(), host.origin)).not.toBeNull()
    for (const link of linksIn(host.stdout())) {
      expect(await present(link, host.origin), link).toBeNull()
    }
  })

  it('put only a spent code on Chromium’s command line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-chromium-'))
    const chromium = join(dir, 'chromium')
    // Stands in for Chromium: records its command line, as `ps` shows it to anyone.
    await writeFile(chromium, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/argv"\n`)
    await chmod(chromium, 0o755)
    const launched = await startHostProcess({ chromium })
    onTestFinished(() => launched.stop())
    await expect.poll(() => readFile(join(dir, 'argv'), 'utf8').catch(() => '')).toMatch(/--app=/)
    const argv = await readFile(join(dir, 'argv'), 'utf8')
    const link = /--app=(\S+)/.exec(argv)![1]!
    expect(linksIn(launched.stdout()).some((l) => l.includes('code='))).toBe(false)
    expect(await launched.argv()).not.toMatch(/code=|token=/)
    // Chromium loads it: a session. Anyone reading the command line later: nothing.
    expect(await present(link, launched.origin)).not.toBeNull()
    expect(await present(link, launched.origin)).toBeNull()
  })
})
