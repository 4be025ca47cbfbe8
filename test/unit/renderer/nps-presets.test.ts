import { describe, expect, it } from 'vitest'
import { presetPeriod } from '../../../src/renderer/src/stores/nps'

const at = (iso: string): number => Date.parse(iso)

describe('NPS period presets', () => {
  it('end today and include it (a UTC shop)', () => {
    const now = at('2025-03-10T23:30:00Z')
    expect(presetPeriod('d7', 'UTC', now)).toEqual({ from: '2025-03-04', to: '2025-03-10' })
    expect(presetPeriod('d30', 'UTC', now)).toEqual({ from: '2025-02-09', to: '2025-03-10' })
    expect(presetPeriod('d90', 'UTC', now)).toEqual({ from: '2024-12-11', to: '2025-03-10' })
  })

  it('take twelve whole months, also when today is the leap day', () => {
    expect(presetPeriod('m12', 'UTC', at('2025-03-10T12:00:00Z'))).toEqual({
      from: '2024-03-11',
      to: '2025-03-10',
    })
    expect(presetPeriod('m12', 'UTC', at('2024-02-29T12:00:00Z'))).toEqual({
      from: '2023-03-01',
      to: '2024-02-29',
    })
  })

  it('end on the shop’s today, which can be a day ahead of or behind UTC', () => {
    const now = at('2025-03-10T23:30:00Z') // 02:30 on 11 March in Moscow, 19:30 on 10 March in New York
    expect(presetPeriod('d7', 'Europe/Moscow', now)).toEqual({
      from: '2025-03-05',
      to: '2025-03-11',
    })
    expect(presetPeriod('d7', 'America/New_York', at('2025-03-11T02:00:00Z'))).toEqual({
      from: '2025-03-04',
      to: '2025-03-10',
    })
  })
})
