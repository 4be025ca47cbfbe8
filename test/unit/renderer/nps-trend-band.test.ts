import { describe, expect, it } from 'vitest'
import { NPS_AXIS, marginBand } from '../../../src/renderer/src/components/nps/trend-band'

describe('NPS margin band on the trend', () => {
  it('stays on the −100…100 axis however wide the margin', () => {
    // Two responses, one promoter and one detractor: NPS 0 ± 138.6.
    expect(marginBand({ nps: 0, margin: 138.6 })).toEqual({ low: -100, high: 100 })
    expect(marginBand({ nps: 90, margin: 25 })).toEqual({ low: 65, high: 100 })
    expect(marginBand({ nps: -80, margin: 40 })).toEqual({ low: -100, high: -40 })
    expect(NPS_AXIS).toEqual({ min: -100, max: 100 })
  })

  it('is the score itself without a margin, and nothing without a score', () => {
    expect(marginBand({ nps: 100, margin: 0 })).toEqual({ low: 100, high: 100 })
    expect(marginBand({ nps: 35, margin: null })).toEqual({ low: 35, high: 35 })
    expect(marginBand({ nps: null, margin: null })).toBeNull()
  })
})
