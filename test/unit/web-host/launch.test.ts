import { describe, expect, it } from 'vitest'
import { LaunchAuth, readCookie, sessionCookie } from '../../../src/main/web-host/launch'

describe('one-time launch codes', () => {
  it('open one session, once', () => {
    const auth = new LaunchAuth()
    const code = auth.issueCode()
    const first = auth.redeem(code, null)
    expect(first.kind).toBe('session')
    const session = first.kind === 'session' ? first.session : ''
    expect(auth.session(session)).not.toBeNull()
    expect(auth.redeem(code, null)).toEqual({ kind: 'refused', reason: 'reused' })
  })

  it('end the session a leaked code opened when someone else presents it again', () => {
    const auth = new LaunchAuth()
    const ended: string[] = []
    auth.onSessionEnded((key) => ended.push(key))
    const code = auth.issueCode()
    const opened = auth.redeem(code, null)
    const session = opened.kind === 'session' ? opened.session : ''
    const key = auth.session(session)
    auth.redeem(code, null)
    expect(auth.session(session)).toBeNull()
    expect(ended).toEqual([key])
  })

  it('let the browser that redeemed a code reload its link without ending its session', () => {
    const auth = new LaunchAuth()
    const code = auth.issueCode()
    const opened = auth.redeem(code, null)
    const session = opened.kind === 'session' ? opened.session : ''
    expect(auth.redeem(code, auth.session(session))).toMatchObject({ kind: 'refused' })
    expect(auth.session(session)).not.toBeNull()
  })

  it('expire within a minute', () => {
    let now = 1_000_000
    const auth = new LaunchAuth(() => now)
    const late = auth.issueCode()
    now += 60_001
    expect(auth.redeem(late, null).kind).toBe('refused')
    expect(auth.redeem('made-up', null)).toEqual({ kind: 'refused', reason: 'unknown' })
  })

  it('set an HttpOnly, SameSite=Strict cookie and read it back by name', () => {
    expect(sessionCookie('pc_session_4000', 'abc')).toBe(
      'pc_session_4000=abc; Path=/; HttpOnly; SameSite=Strict',
    )
    expect(readCookie('a=1; pc_session_4000=abc; b=2', 'pc_session_4000')).toBe('abc')
    expect(readCookie('pc_session_4001=abc', 'pc_session_4000')).toBeNull()
    expect(readCookie(undefined, 'pc_session_4000')).toBeNull()
  })
})
