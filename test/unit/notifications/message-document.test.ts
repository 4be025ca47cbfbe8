// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { messageDocument } from '../../../src/renderer/src/components/notifications/message-document'
import { HOSTILE_BODY } from '../../../src/sandbox/data/messages'

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
