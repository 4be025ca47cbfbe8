import { describe, expect, it } from 'vitest'
import { presetPeriod } from '../../../src/renderer/src/stores/nps'

const at = (iso: string): number => Date.parse(iso)

describe('NPS period presets', () => {
  it('end today in the reviews’ calendar (UTC) and include it', () => {
    const now = at('2025-03-10T23:30:00Z')
    expect(presetPeriod('d7', now)).toEqual({ from: '2025-03-04', to: '2025-03-10' })
    expect(presetPeriod('d30', now)).toEqual({ from: '2025-02-09', to: '2025-03-10' })
    expect(presetPeriod('d90', now)).toEqual({ from: '2024-12-11', to: '2025-03-10' })
  })

  it('take twelve whole months, also when today is the leap day', () => {
    expect(presetPeriod('m12', at('2025-03-10T12:00:00Z'))).toEqual({
      from: '2024-03-11',
      to: '2025-03-10',
    })
    expect(presetPeriod('m12', at('2024-02-29T12:00:00Z'))).toEqual({
      from: '2023-03-01',
      to: '2024-02-29',
    })
  })
})
