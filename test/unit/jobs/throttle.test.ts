import { describe, expect, it } from 'vitest'
import { throttled } from '../../../src/main/jobs/throttle'

describe('progress throttle', () => {
  it('passes progress at most every interval; a new phase or a forced value at once', () => {
    let t = 0
    const seen: string[] = []
    const emit = throttled<{ status: string; n: number }>((v) => seen.push(`${v.status}${v.n}`), {
      everyMs: 200,
      phase: (v) => v.status,
      now: () => t,
    })
    emit({ status: 'running', n: 1 })
    t = 100
    emit({ status: 'running', n: 2 })
    t = 150
    emit({ status: 'paused', n: 3 })
    emit({ status: 'paused', n: 4 }, true)
    t = 300
    emit({ status: 'paused', n: 5 })
    t = 360
    emit({ status: 'paused', n: 6 })
    expect(seen).toEqual(['running1', 'paused3', 'paused4', 'paused6'])
  })
})
