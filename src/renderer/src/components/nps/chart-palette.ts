/**
 * The colours of the NPS response marks (score bars, breakdown segments, response-count
 * bars), fixed per theme rather than read from CSS: each must keep WCAG's 3:1 for graphical
 * objects against the card it is drawn on, and a test checks that. Tailwind shades as
 * PrimeVue's Aura names them; the backgrounds are Aura's content backgrounds.
 */
export const CHART_BACKGROUND = { light: '#ffffff', dark: '#18181b' } as const // white, zinc-900

export interface ResponseColours {
  promoter: string
  passive: string
  detractor: string
  /** Response counts behind the NPS line. */
  bars: string
}

export const RESPONSE_COLOURS: Record<'light' | 'dark', ResponseColours> = {
  // green-700 5.0:1, amber-600 3.2:1, red-700 6.5:1, zinc-500 4.8:1 on white
  light: { promoter: '#15803d', passive: '#d97706', detractor: '#b91c1c', bars: '#71717a' },
  // green-400 10.2:1, amber-400 10.6:1, red-400 6.4:1, zinc-500 3.7:1 on zinc-900
  dark: { promoter: '#4ade80', passive: '#fbbf24', detractor: '#f87171', bars: '#71717a' },
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
