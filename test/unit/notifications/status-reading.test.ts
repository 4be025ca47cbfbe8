import { describe, expect, it } from 'vitest'
import { readMessageStatus } from '../../../src/shared/notification-status'

describe('reading GET /notifications/:code', () => {
  it.each([
    ['{"200"}', 'found'],
    ['{ "200" }', 'found'],
    ['200', 'found'],
    [200, 'found'],
    ['"200"', 'found'],
    ['OK', 'found'],
    ['', 'found'],
    [{ status: '200' }, 'found'],
    [{ status: 200 }, 'found'],
    [{ status: 'success' }, 'found'],
    [{ '200': true }, 'found'],
    [{ status: 'delivered' }, 'delivered'],
    [{ status: 'Sent' }, 'sent'],
    [{ state: 'queued' }, 'queued'],
    [{ status: 'success', payload: { status: 'opened' } }, 'opened'],
    [{ status: 'success', data: { message_status: 'hard_bounced' } }, 'bounced'],
    [{ status: 'failed' }, 'failed'],
    [{ status: '404' }, 'not-found'],
    ['not found', 'not-found'],
    [{ status: 'teleported' }, 'unrecognised'],
    [[1, 2], 'unrecognised'],
    [{ status: 'success', payload: [{ unexpected: 'shape' }] }, 'unrecognised'],
    ['<html>gateway</html>', 'unrecognised'],
  ])('%j reads as %s', (raw, state) => {
    expect(readMessageStatus(raw).state).toBe(state)
  })

  it('keeps what PersonaClick said, short', () => {
    expect(readMessageStatus('{"200"}').said).toBe('{"200"}')
    expect(readMessageStatus({ status: 'x'.repeat(500) }).said.length).toBeLessThanOrEqual(201)
  })

  it('reads the statistics of a message the answer carries', () => {
    const message = {
      type: 'transactional',
      code: 'tx1',
      subject: 'Your order',
      statistics: { opened: true, clicked: true },
    }
    const r = readMessageStatus({ status: '200', message })
    expect(r.state).toBe('clicked')
    expect(r.message?.subject).toBe('Your order')
    expect(readMessageStatus({ message: { ...message, statistics: {} } }).state).toBe('found')
    expect(
      readMessageStatus({
        status: 'success',
        payload: { message: { ...message, statistics: { soft_bounced: true } } },
      }).state,
    ).toBe('bounced')
  })
})
