/**
 * Every number, share, date, length of time and file size the window shows, through Intl in
 * the chosen language: one place, so "34,8" and "1 ч 5 мин" read the same on every screen.
 * Plain functions of the locale (unit-tested without Vue); screens get them bound to the
 * current language from `useFormat()` (`composables/use-format.ts`).
 */
export interface Format {
  /** 12,345 · 12 345; `digits` fixes the decimals (default: up to 2, as needed). */
  number(n: number, digits?: number): string
  /** A share of 1 as a percentage: 0.348 → "34.8%" · "34,8 %". */
  percent(share: number, digits?: number): string
  /** A calendar day: "30 Nov 2026" · "30 нояб. 2026 г.". */
  date(at: Date | string | number): string
  /** An instant on one line, to the minute: "30 Nov 2026, 13:05" (tables never wrap it). */
  dateTime(at: Date | string | number): string
  /** A length of time at the precision that matters at its size: "42 sec", "1 hr 5 min". */
  duration(seconds: number): string
  /** A file size: "2 kB", "10.1 MB" · "10,1 МБ" (rounded up: just over a limit never reads as it). */
  bytes(n: number): string
}

const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

/** Intl objects are costly to build and the same few are asked for on every row. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.NumberFormat | undefined
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)))
  return f
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)))
  return f
}

const unit = (locale: string, name: string, value: number, digits = 0): string =>
  numberFormat(locale, {
    style: 'unit',
    unit: name,
    unitDisplay: 'short',
    maximumFractionDigits: digits,
    roundingMode: 'ceil',
  }).format(value)

/**
 * The formats for one language; `timeZone` (an IANA name) places dates in the shop's zone
 * rather than this computer's.
 */
export function format(locale: string, timeZone?: string): Format {
  const zone = timeZone ? { timeZone } : {}
  return {
    number: (n, digits) =>
      numberFormat(
        locale,
        digits === undefined
          ? { maximumFractionDigits: 2 }
          : { minimumFractionDigits: digits, maximumFractionDigits: digits },
      ).format(n),
    percent: (share, digits = 1) =>
      numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share),
    date: (at) => dateFormat(locale, { dateStyle: 'medium', ...zone }).format(new Date(at)),
    dateTime: (at) =>
      dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone }).format(new Date(at)),
    duration(seconds) {
      const s = Math.round(Math.max(0, seconds))
      if (s < 60) return unit(locale, 'second', s)
      const m = Math.round(s / 60)
      if (m < 60) return unit(locale, 'minute', m)
      const h = Math.floor(m / 60)
      const hours = unit(locale, 'hour', h)
      return m % 60 ? `${hours} ${unit(locale, 'minute', m % 60)}` : hours
    },
    bytes(n) {
      if (n < MB) return unit(locale, 'kilobyte', n / KB)
      if (n < GB) return unit(locale, 'megabyte', n / MB, 1)
      return unit(locale, 'gigabyte', n / GB, 1)
    },
  }
}
