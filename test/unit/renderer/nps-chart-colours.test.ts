import Aura from '@primeuix/themes/aura'
import { describe, expect, it } from 'vitest'
import {
  CHART_BACKGROUND,
  RESPONSE_COLOURS,
  contrastRatio,
} from '../../../src/renderer/src/components/nps/chart-palette'

describe('NPS response colours', () => {
  it('are drawn on the theme’s own card backgrounds', () => {
    const zinc = (Aura as { primitive: { zinc: Record<number, string> } }).primitive.zinc
    expect(CHART_BACKGROUND.dark).toBe(zinc[900])
    expect(CHART_BACKGROUND.light).toBe('#ffffff')
  })

  it.each(['light', 'dark'] as const)(
    'keep at least 3:1 against the %s background (WCAG, graphical objects)',
    (theme) => {
      for (const [mark, colour] of Object.entries(RESPONSE_COLOURS[theme])) {
        expect
          .soft(contrastRatio(colour, CHART_BACKGROUND[theme]), `${theme} ${mark}`)
          .toBeGreaterThanOrEqual(3)
      }
    },
  )

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
