import { describe, expect, it } from 'vitest'
import {
  bareErrorOf,
  normaliseResponse,
  parseBody,
  readEnvelope,
  shapeData,
  textExcerpt,
} from '../../../src/main/api/normalise'
import type { ResultShape } from '../../../src/main/api/catalogue'
import { AppFailure } from '../../../src/shared/errors'

const SECRET = 'top-secret-value-42'
const scrub = (t: string): string => t.split(SECRET).join('[redacted]')

function run(status: number, text: string, shape: ResultShape, listKey?: string) {
  return normaliseResponse({ status, text, shape, scrub, ...(listKey ? { listKey } : {}) })
}

function failureOf(n: ReturnType<typeof run>): AppFailure {
  if (n.ok) throw new Error('expected a failure')
  return n.failure
}

describe('readEnvelope', () => {
  it('strips every success envelope the API uses', () => {
    expect(readEnvelope({ status: 'success' })).toEqual({ ok: true, data: {} })
    expect(readEnvelope({ status: 'success', payload: { a: 1 } })).toEqual({
      ok: true,
      data: { a: 1 },
    })
    expect(readEnvelope({ success: true, payload: [1, 2] })).toEqual({ ok: true, data: [1, 2] })
    expect(readEnvelope({ status: 'success', data: { total: 1 } })).toEqual({
      ok: true,
      data: { total: 1 },
    })
    expect(readEnvelope([1])).toEqual({ ok: true, data: [1] })
    expect(readEnvelope(true)).toEqual({ ok: true, data: true })
    expect(readEnvelope({ code: '123' })).toEqual({ ok: true, data: { code: '123' } })
    // /notifications/:code, legacy style: {"status":"200", "message":{…}}.
    expect(readEnvelope({ status: '200', message: { code: 'x' } })).toEqual({
      ok: true,
      data: { message: { code: 'x' } },
    })
  })

  it('finds the error message in each error envelope', () => {
    expect(readEnvelope({ status: 'error', message: 'bad' })).toEqual({ ok: false, message: 'bad' })
    expect(readEnvelope({ status: 'error', payload: { message: 'bad2' } })).toEqual({
      ok: false,
      message: 'bad2',
    })
    expect(readEnvelope({ success: false, payload: { message: 'bad3' } })).toEqual({
      ok: false,
      message: 'bad3',
    })
    expect(readEnvelope({ success: false })).toEqual({ ok: false, message: null })
  })
})

describe('parseBody', () => {
  it('tells empty, JSON and non-JSON bodies apart', () => {
    expect(parseBody('')).toEqual({ kind: 'empty' })
    expect(parseBody('  \n')).toEqual({ kind: 'empty' })
    expect(parseBody('false')).toEqual({ kind: 'json', value: false })
    expect(parseBody('<html>oops</html>')).toEqual({ kind: 'text', text: '<html>oops</html>' })
  })
})

describe('shapeData', () => {
  it('unwraps payload-wrapped lists by key or as the sole array', () => {
    expect(shapeData({ lists: [1] }, 'list', 'lists')).toEqual({ data: [1] })
    expect(shapeData({ other: [1] }, 'list', 'lists')).toEqual({ data: [1] })
    expect(shapeData({ a: [1], b: [2] }, 'list')).toBeUndefined()
    expect(shapeData({ includes: true }, 'boolean', 'includes')).toEqual({ data: true })
    expect(shapeData('false', 'boolean')).toEqual({ data: false })
    expect(shapeData([1], 'object')).toBeUndefined()
    expect(shapeData({}, 'ack')).toEqual({ data: null })
  })

  it('takes nothing, true or an object as a confirmation, and nothing else', () => {
    expect(shapeData(null, 'ack')).toEqual({ data: null })
    expect(shapeData(true, 'ack')).toEqual({ data: null })
    expect(shapeData({ imported: 3 }, 'ack')).toEqual({ data: { imported: 3 } })
    expect(shapeData(['unexpected'], 'ack')).toBeUndefined()
    expect(shapeData('done', 'ack')).toBeUndefined()
    expect(shapeData(1, 'ack')).toBeUndefined()
  })
})

describe('normaliseResponse on 2xx', () => {
  const cases: [string, string, ResultShape, unknown][] = [
    ['{"status":"success"}', '{"status":"success"}', 'ack', null],
    ['success:true', '{"success":true}', 'ack', null],
    ['plain true (ack)', 'true', 'ack', null],
    ['empty body (ack)', '', 'ack', null],
    ['bare array', '[{"id":1}]', 'list', [{ id: 1 }]],
    ['payload array', '{"success":true,"payload":[{"id":1}]}', 'list', [{ id: 1 }]],
    [
      'payload-keyed array',
      '{"status":"success","payload":{"lists":[{"id":1}]}}',
      'list',
      [{ id: 1 }],
    ],
    ['plain true', 'true', 'boolean', true],
    ['plain false', 'false', 'boolean', false],
    ['payload boolean', '{"status":"success","payload":{"includes":false}}', 'boolean', false],
    ['plain object', '{"code":"A1"}', 'object', { code: 'A1' }],
    ['payload object', '{"status":"success","payload":{"code":"A1"}}', 'object', { code: 'A1' }],
    ['data object', '{"status":"success","data":{"total":2}}', 'object', { total: 2 }],
  ]
  it.each(cases)('%s', (_name, text, shape, expected) => {
    expect(run(200, text, shape)).toEqual({ ok: true, data: expected })
  })

  it('keeps 19-digit ids exact', () => {
    const n = run(200, '[{"client_id":1515915625535836508,"rate":7}]', 'list')
    expect(n).toEqual({ ok: true, data: [{ client_id: '1515915625535836508', rate: 7 }] })
  })

  it('turns an error envelope on 200 into API_BAD_REQUEST with the API message', () => {
    for (const text of [
      '{"status":"error","message":"Segment not found"}',
      '{"status":"error","payload":{"message":"Segment not found"}}',
      '{"success":false,"payload":{"message":"Segment not found"}}',
    ]) {
      const f = failureOf(run(200, text, 'ack'))
      expect(f.appError.code).toBe('API_BAD_REQUEST')
      expect(f.appError.details?.apiMessage).toBe('Segment not found')
    }
  })

  it('plain false on an ack endpoint is a refusal', () => {
    expect(failureOf(run(200, 'false', 'ack')).appError.code).toBe('API_BAD_REQUEST')
  })

  it('reports HTML, empty and wrongly shaped answers as API_UNEXPECTED_RESPONSE', () => {
    const html = failureOf(run(200, '<html><body><h1>Bad gateway</h1></body></html>', 'list'))
    expect(html.appError.code).toBe('API_UNEXPECTED_RESPONSE')
    expect(html.appError.details?.apiMessage).toBe('Bad gateway')
    expect(failureOf(run(200, '', 'list')).appError.code).toBe('API_UNEXPECTED_RESPONSE')
    expect(failureOf(run(200, '{"a":1}', 'list')).appError.code).toBe('API_UNEXPECTED_RESPONSE')
  })
})

describe('normaliseResponse on documented error statuses', () => {
  const table: [number, string][] = [
    [400, 'API_BAD_REQUEST'],
    [401, 'API_WRONG_SHOP_ID'],
    [403, 'API_WRONG_SECRET'],
    [404, 'API_NOT_FOUND'],
    [405, 'API_METHOD_NOT_ALLOWED'],
    [406, 'API_NOT_ACCEPTABLE'],
    [429, 'API_RATE_LIMITED'],
    [500, 'API_SERVER_ERROR'],
    [503, 'API_UNAVAILABLE'],
  ]
  it.each(table)('%i -> %s with message, next step and scrubbed API text', (status, code) => {
    const f = failureOf(
      run(status, JSON.stringify({ status: 'error', message: `bad ${SECRET}` }), 'object'),
    )
    expect(f.appError.code).toBe(code)
    expect(f.appError.message.length).toBeGreaterThan(20)
    expect(typeof f.appError.details?.nextStep).toBe('string')
    expect(f.appError.message).toContain(String(f.appError.details?.nextStep))
    expect(f.appError.details?.status).toBe(status)
    expect(f.appError.details?.apiMessage).toBe('bad [redacted]')
    expect(JSON.stringify(f.appError)).not.toContain(SECRET)
  })

  it('takes the message from the newer envelopes and from HTML pages', () => {
    const a = failureOf(run(403, '{"success":false,"payload":{"message":"Invalid"}}', 'ack'))
    expect(a.appError.details?.apiMessage).toBe('Invalid')
    const b = failureOf(run(503, '<html><title>Maintenance</title></html>', 'ack'))
    expect(b.appError.code).toBe('API_UNAVAILABLE')
    expect(b.appError.details?.apiMessage).toBe('Maintenance')
    const c = failureOf(run(500, '', 'ack'))
    expect(c.appError.details?.apiMessage).toBeNull()
  })
})

describe('textExcerpt', () => {
  it('drops scripts and tags, collapses space, cuts and scrubs', () => {
    const t = textExcerpt(`<script>x()</script><p>a   b ${SECRET}</p>`, scrub)
    expect(t).toBe('a b [redacted]')
    expect(textExcerpt('x'.repeat(500), scrub, 10)).toBe('xxxxxxxxxx…')
  })
})

describe('a bare error in a successful answer', () => {
  it('is PersonaClick’s text, wherever it keeps it; anything else is not one', () => {
    expect(bareErrorOf({ error: 'quota exceeded' })).toBe('quota exceeded')
    expect(bareErrorOf({ errors: ['a', 'b'] })).toBe('a; b')
    expect(bareErrorOf({ error: { message: 'no shop' } })).toBe('no shop')
    for (const fine of [
      { code: '1' },
      { error: null },
      { error: '' },
      { status: 'success', error: 'x' },
      [1],
      'text',
    ]) {
      expect(bareErrorOf(fine)).toBeNull()
    }
  })

  it('fails a 200 with the text, scrubbed', () => {
    const r = normaliseResponse({
      status: 200,
      text: JSON.stringify({ error: `bad key ${SECRET}` }),
      shape: 'ack',
      scrub,
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.failure.appError).toMatchObject({
        code: 'API_UNEXPECTED_RESPONSE',
        details: { apiMessage: 'bad key [redacted]', bareError: true },
      })
    }
  })
})
