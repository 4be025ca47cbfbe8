import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
} from 'chart.js'
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { DARK_CLASS } from '../../composables/use-theme'
import { RESPONSE_COLOURS } from './chart-palette'

// Only what the NPS charts draw: keeps chart.js's share of the bundle small.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement)
Chart.register(CategoryScale, LinearScale, Filler, Legend, Tooltip)

export interface ChartColors {
  text: string
  muted: string
  grid: string
  background: string
  primary: string
  promoter: string
  passive: string
  detractor: string
  /** Response-count bars. */
  bars: string
  dark: boolean
}

function read(): ChartColors {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string): string =>
    css.getPropertyValue(name).trim() || fallback
  const dark = document.documentElement.classList.contains(DARK_CLASS)
  return {
    text: v('--p-text-color', '#334155'),
    muted: v('--p-text-muted-color', '#64748b'),
    grid: v('--p-content-border-color', '#e2e8f0'),
    background: v('--p-content-background', '#ffffff'),
    primary: v('--p-primary-color', '#10b981'),
    ...RESPONSE_COLOURS[dark ? 'dark' : 'light'],
    dark,
  }
}

/**
 * Canvas cannot use CSS variables, so the charts read them and read them again whenever
 * the theme class on <html> changes; charts recompute their options from this ref.
 */
export function useChartColors() {
  const colors = ref<ChartColors>(read())
  let observer: MutationObserver | null = null
  onMounted(() => {
    colors.value = read()
    observer = new MutationObserver(() => {
      // PrimeVue swaps its variables with the class; read them once styles settle.
      requestAnimationFrame(() => (colors.value = read()))
    })
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  })
  onBeforeUnmount(() => observer?.disconnect())
  return colors
}

/** `#rrggbb` or `rgb(…)` with an alpha, for bands and bars drawn behind lines. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16)
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color)
  if (rgb?.[1]) {
    const [r, g, b] = rgb[1].split(/[\s,/]+/)
    return `rgba(${r}, ${g}, ${b}, ${alpha})`
  }
  return color
}

/** Paints the theme's background under the chart so a saved PNG is readable anywhere. */
export function backgroundPlugin<T extends ChartType = 'bar'>(color: () => string): Plugin<T> {
  return {
    id: 'pcBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart
      ctx.save()
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = color()
      ctx.fillRect(0, 0, width, height)
      ctx.restore()
    },
  }
}

/** Saves a chart as PNG through a blob: URL (a data: URL download is blocked by some hosts). */
export function saveChartPng(chart: Chart | null | undefined, filename: string): void {
  if (!chart) return
  const dataUrl = chart.toBase64Image('image/png', 1)
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** NPS or a share, as shown on screen: one decimal at most, a real minus sign. */
export function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  const s = n.toFixed(digits)
  // −0.0 reads as a change that is not there.
  return (Number(s) === 0 ? (0).toFixed(digits) : s).replace('-', '−')
}
