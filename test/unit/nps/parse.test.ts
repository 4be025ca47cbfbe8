import { describe, expect, it } from 'vitest'
import { parseLabels, parseReviews } from '../../../src/main/services/nps/parse'

describe('NPS response parsing', () => {
  const row = {
    id: 1,
    channel: 'email',
    category: 'delivery',
    rate: 7,
    comment: 'ok',
    created_at: '2025-01-01T10:00:00Z',
  }

  it('counts malformed rows and scores outside 1–10 as skipped', () => {
    const { reviews, skipped } = parseReviews(
      [
        row,
        { ...row, id: 2, rate: 0 },
        { ...row, id: 3, rate: 11 },
        { ...row, id: 4, rate: 7.5 },
        { ...row, id: 5, rate: '9' }, // a numeric string is still a score
        { ...row, id: 6, created_at: 'yesterday' },
        { ...row, id: null },
        'garbage',
        null,
        { ...row, id: 7, comment: '   ', channel: null },
      ],
      'UTC',
    )
    expect(reviews.map((r) => r.id)).toEqual([1, 5, 7])
    expect(reviews[2]).toMatchObject({ comment: null, channel: '' })
    expect(skipped).toHaveLength(7)
    expect(skipped.filter((s) => s.day === '2025-01-01')).toHaveLength(4)
  })

  it('reads labels, deduplicating codes and falling back to the code as name', () => {
    expect(
      parseLabels([
        { id: 2, code: 'ios_app', name: 'iOS mobile app' },
        { id: 3, code: 'ios_app', name: 'iOS again' },
        { id: 4, code: 'pos' },
        { id: 5, code: '' },
      ]),
    ).toEqual([
      { code: 'ios_app', name: 'iOS mobile app' },
      { code: 'pos', name: 'pos' },
    ])
  })
})
