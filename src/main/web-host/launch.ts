import { createHash, randomBytes } from 'node:crypto'

/** The query parameter a launch link carries its one-time code in. */
export const CODE_PARAM = 'code'

/** Long enough for a cold Chromium start on a slow machine, short enough to be useless later. */
const CODE_LIFETIME_MS = 60_000

type Digest = string
const digest = (value: string): Digest => createHash('sha256').update(value).digest('hex')
const fresh = (): string => randomBytes(32).toString('base64url')

export type Redeemed =
  /** A fresh code: here is the session it opens. */
  | { kind: 'session'; session: string }
  /** A code seen before (or unknown, or expired): no session. */
  | { kind: 'refused'; reason: 'reused' | 'unknown' | 'expired' }

/**
 * Who may drive this browser host. A launch link carries a one-time code that expires
 * within a minute; the first load exchanges it for a session cookie the page's JavaScript
 * cannot read. So whatever a launch leaves behind (Chromium's command line, the terminal,
 * the browser history) is spent by the time anyone else could read it. A code presented a
 * second time means it leaked: the session it opened is ended too, since whoever used it
 * first may not be the marketer.
 *
 * Only digests are kept, and looked up by digest, so comparisons leak no timing about
 * the secret values themselves.
 */
export class LaunchAuth {
  private codes = new Map<Digest, number>()
  private spent = new Map<Digest, { session: Digest; until: number }>()
  private sessions = new Set<Digest>()
  private ended = new Set<(session: Digest) => void>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A new one-time code for a launch link. */
  issueCode(): string {
    this.sweep()
    const code = fresh()
    this.codes.set(digest(code), this.now() + CODE_LIFETIME_MS)
    return code
  }

  /**
   * `caller` is the live session the request already carries, if any: the browser that
   * redeemed a code may load its launch link again (a reload) without harm.
   */
  redeem(code: string, caller: string | null): Redeemed {
    this.sweep()
    const key = digest(code)
    const expires = this.codes.get(key)
    if (expires !== undefined) {
      this.codes.delete(key)
      if (expires < this.now()) return { kind: 'refused', reason: 'expired' }
      const session = fresh()
      this.sessions.add(digest(session))
      this.spent.set(key, { session: digest(session), until: expires })
      return { kind: 'session', session }
    }
    const used = this.spent.get(key)
    if (!used) return { kind: 'refused', reason: 'unknown' }
    if (used.session === caller) return { kind: 'refused', reason: 'reused' }
    this.spent.delete(key)
    this.endSession(used.session)
    return { kind: 'refused', reason: 'reused' }
  }

  /** The session's own key (a digest) when the cookie value opens a live one, else null. */
  session(cookieValue: string | null): string | null {
    if (!cookieValue) return null
    const key = digest(cookieValue)
    return this.sessions.has(key) ? key : null
  }

  /** Called with a session's key when it ends, so its open sockets can be closed. */
  onSessionEnded(listener: (session: string) => void): void {
    this.ended.add(listener)
  }

  private endSession(key: Digest): void {
    if (!this.sessions.delete(key)) return
    for (const listener of this.ended) listener(key)
  }

  /** Expired codes, and the memory of spent ones, go once they could no longer be used. */
  private sweep(): void {
    const now = this.now()
    for (const [key, expires] of this.codes) if (expires < now) this.codes.delete(key)
    for (const [key, used] of this.spent) if (used.until < now) this.spent.delete(key)
  }
}

/** The session cookie's name; cookies ignore ports, so it names this host's port. */
export function sessionCookieName(port: number): string {
  return `pc_session_${port}`
}

/**
 * HttpOnly: the page's scripts never see it. SameSite=Strict: another site's page cannot
 * make the browser send it (the Origin check refuses other loopback ports, which count
 * as the same site). No Max-Age: it ends with the browser session.
 */
export function sessionCookie(name: string, value: string): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict`
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}
