import { describe, expect, it } from 'vitest'
import { JsonItems, stringifyWithItems } from '../../../src/main/api/json-items'
import { summariseParams } from '../../../src/main/services/activity/summarise'
import { SecretRegistry } from '../../../src/main/log/redact'

const rows = [
  { email: 'a@example.com', first_name: 'Анна' },
  // Data that looks like the placeholder must stay data.
  { email: 'b@example.com', note: '\u00000', other: '"\\u00000"' },
]
const lines = rows.map((r) => JSON.stringify(r))

describe('pre-encoded JSON items', () => {
  it('go into the body as the same JSON a stringify of the rows would give', () => {
    const body = {
      shop_id: 's1',
      shop_secret: 'k',
      audience: new JsonItems(lines),
      note: '\u00000',
    }
    const text = stringifyWithItems(body)
    expect(text).toBe(JSON.stringify({ ...body, audience: rows }))
    expect(JSON.parse(text as string)).toEqual({ ...body, audience: rows })
  })

  it('held as the bytes of comma-separated lines, make a body of bytes with the same JSON', () => {
    const bytes = Buffer.from(lines.join(','))
    const body = { shop_id: 's1', audience: JsonItems.joined(bytes, 2), segment_id: '7' }
    const sent = stringifyWithItems(body)
    expect(sent).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(sent as Uint8Array)).toBe(
      JSON.stringify({ ...body, audience: rows }),
    )
    expect(body.audience.parsed()).toEqual(rows)
    expect(stringifyWithItems({ audience: JsonItems.joined(Buffer.alloc(0), 0) })).toEqual(
      Buffer.from('{"audience":[]}'),
    )
    const shown = summariseParams({ audience: body.audience }, new SecretRegistry())
    expect(shown).toEqual({ audience: '[2 items]' })
  })

  it('an empty batch is an empty array', () => {
    expect(stringifyWithItems({ audience: new JsonItems([]) })).toBe('{"audience":[]}')
  })

  it('the activity log shows their count, never their content', () => {
    const shown = summariseParams({ audience: new JsonItems(lines) }, new SecretRegistry())
    expect(shown).toEqual({ audience: '[2 items]' })
  })
})
