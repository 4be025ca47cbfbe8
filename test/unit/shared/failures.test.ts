import { describe, expect, it } from 'vitest'
import { failureDomains, failureKeys, keyedFailure } from '../../../src/shared/errors'

describe('keyed failures gathered from the domains', () => {
  it('no two domains word the same key (one would silently replace the other)', () => {
    const lists = Object.values(failureDomains).map((list) => Object.keys(list))
    const all = lists.flat()
    expect(new Set(all).size).toBe(all.length)
    expect([...failureKeys].sort()).toEqual([...all].sort())
  })

  it('raises each domain’s failure with that domain’s English words', () => {
    const f = keyedFailure('NOT_FOUND', 'send-gone')
    expect(f.appError).toEqual({
      code: 'NOT_FOUND',
      message: failureDomains.sends['send-gone'],
      details: { messageKey: 'send-gone' },
    })
    expect(keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: 'Shop A' }).message).toBe(
      'No secret key is stored for “Shop A”. Enter it in Settings › Shops.',
    )
  })
})
