// Per-function entry points: the packages' indexes load hundreds of modules, which the
// import worker (run from sources in tests) would pay for on every start.
import { TZDate } from '@date-fns/tz/date'
import { tzOffset } from '@date-fns/tz/tzOffset'
import { addDays as addCalendarDays } from 'date-fns/addDays'
import { addYears as addCalendarYears } from 'date-fns/addYears'
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays'
import { startOfISOWeek } from 'date-fns/startOfISOWeek'

/**
 * Calendar days (`YYYY-MM-DD`) and the instants they span, for main and the renderer alike.
 *
 * A day only becomes a span of time in a time zone, so every function that turns instants
 * into days or back takes one: the shop's zone where the marketer's days are meant (NPS
 * analytics, "today"), `UTC` where no shop's zone applies. In a zone with
 * daylight saving a day is 23 or 25 hours long, and in a few zones it does not even start
 * at midnight; date-fns and @date-fns/tz know that, so nothing here adds hours by hand.
 * Arithmetic on days themselves (next day, days in a period, week start) is the same in
 * every zone.
 */
export type Day = string

/** An IANA time zone name, e.g. `Europe/Moscow`, or `UTC`. */
export type TimeZone = string

export const UTC: TimeZone = 'UTC'

/** Length of a UTC day. Only UTC days all have it: elsewhere use `dayStart`/`dayEnd`. */
export const UTC_DAY_MS = 86_400_000

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day as a midnight in UTC, where date-fns' calendar arithmetic has no DST to meet. */
function utcMidnight(day: Day): TZDate {
  const m = DAY_SHAPE.exec(day)
  if (!m) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`)
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), UTC)
}

/** The day of a UTC midnight (the ISO text's date: far faster than date-fns' `format`). */
const dayText = (utcDate: Date): Day => new Date(utcDate.getTime()).toISOString().slice(0, 10)

/** `YYYY-MM-DD` for a real calendar day (no 30 February, no month 13). */
export function isDay(value: string): boolean {
  return DAY_SHAPE.test(value) && dayText(utcMidnight(value)) === value
}

/** The day of a year, month (1–12) and day of month, or null when there is no such day. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): Day | null {
  const day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
  return isDay(day) ? day : null
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetMs(zone: TimeZone, ms: number): number {
  if (zone === UTC) return 0
  const minutes = tzOffset(zone, new Date(ms))
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${zone}`)
  return minutes * 60_000
}

/** The day an instant (epoch ms) falls on in `zone`. */
export function dayOf(ms: number, zone: TimeZone): Day {
  // Called once per review over large caches: the offset comes from @date-fns/tz, and the
  // shifted instant's UTC date is that day (much faster than formatting a TZDate).
  return new Date(ms + offsetMs(zone, ms)).toISOString().slice(0, 10)
}

/** The day it is now in `zone`. */
export function today(zone: TimeZone, now: number = Date.now()): Day {
  return dayOf(now, zone)
}

/** The first instant (epoch ms) of `day` in `zone`. */
export function dayStart(day: Day, zone: TimeZone): number {
  const m = utcMidnight(day)
  return new TZDate(m.getFullYear(), m.getMonth(), m.getDate(), zone).getTime()
}

/** The first instant after `day` in `zone` (exclusive end: the next day's start). */
export function dayEnd(day: Day, zone: TimeZone): number {
  return dayStart(addDays(day, 1), zone)
}

export function addDays(day: Day, n: number): Day {
  return dayText(addCalendarDays(utcMidnight(day), n))
}

/** The same day `n` years on; 29 February becomes 28 February in a common year. */
export function addYears(day: Day, n: number): Day {
  return dayText(addCalendarYears(utcMidnight(day), n))
}

/** Number of days from `from` to `to`, both included. */
export function dayCount(from: Day, to: Day): number {
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from)) + 1
}

/** Every day from `from` to `to`, both included (none when `to` is before `from`). */
export function daysBetween(from: Day, to: Day): Day[] {
  const out: Day[] = []
  for (let d = utcMidnight(from), end = utcMidnight(to); d <= end; d = addCalendarDays(d, 1))
    out.push(dayText(d))
  return out
}

/** The Monday that starts the ISO week `day` is in. */
export function weekStart(day: Day): Day {
  return dayText(startOfISOWeek(utcMidnight(day)))
}

/** An IANA zone this runtime knows (`Europe/Berlin`, `UTC`); anything else is refused. */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * The zone NPS counts days in: the shop's own, or UTC for a shop without a usable one.
 * Here, not beside the NPS schemas, so the Overview's NPS card can name the shop's today
 * without loading zod before the first screen.
 */
export function npsTimeZone(shopZone: string | null | undefined): TimeZone {
  return shopZone && isTimeZone(shopZone) ? shopZone : UTC
}
