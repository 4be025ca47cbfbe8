import { describe, expect, it } from 'vitest'
import { callResult } from '../../../src/renderer/src/components/activity/call-result'
import { en } from '../../../src/renderer/src/i18n/en'
import { ru } from '../../../src/renderer/src/i18n/ru'

describe('Activity in the marketer’s words', () => {
  it('reads a call’s outcome as a word, telling a retried success apart', () => {
    expect(callResult({ outcome: 'ok', retries: 0 })).toBe('succeeded')
    expect(callResult({ outcome: 'ok', retries: 2 })).toBe('retried')
    // A failure stays a failure however many times it was retried.
    expect(callResult({ outcome: 'error', retries: 3 })).toBe('failed')
    expect(callResult({ outcome: 'unknown', retries: 0 })).toBe('unknown')
    expect(callResult({ outcome: 'cancelled', retries: 1 })).toBe('cancelled')
  })

  it('has a word for every result in both languages', () => {
    for (const r of ['succeeded', 'retried', 'failed', 'unknown', 'cancelled'] as const) {
      expect(en.activity.results[r]).toBeTruthy()
      expect(ru.activity.results[r]).not.toBe(en.activity.results[r])
    }
  })
})
