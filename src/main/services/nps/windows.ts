import {
  UTC,
  addDays,
  dayCount,
  dayEnd,
  dayOf,
  dayStart,
  type TimeZone,
} from '../../../shared/days'

/**
 * Getting every review out of an endpoint that returns at most 1,000 per request and has
 * no paging: ask for a window, and whenever the answer is full, split the window and ask
 * again. Pure apart from the injected `fetch`, so the splitting is unit-tested.
 */

/**
 * Sorted days grouped into runs of consecutive days, each at most `maxDays` long: the
 * first requests of a load, so a year's fetch starts as a dozen requests in parallel
 * rather than one that is certain to be full.
 */
export function contiguousRanges(days: readonly string[], maxDays = 31): [string, string][] {
  const out: [string, string][] = []
  let start: string | null = null
  let prev: string | null = null
  let len = 0
  for (const day of days) {
    if (start !== null && prev !== null && addDays(prev, 1) === day && len < maxDays) {
      prev = day
      len++
      continue
    }
    if (start !== null && prev !== null) out.push([start, prev])
    start = prev = day
    len = 1
  }
  if (start !== null && prev !== null) out.push([start, prev])
  return out
}

/** Asks for one window; `from`/`to` are days (YYYY-MM-DD) or full ISO timestamps. */
export type FetchWindow = (from: string, to: string) => Promise<unknown[]>

/**
 * The request bounds for the days `from`..`to` of `zone`. The API reads a plain day as a
 * UTC day (the calendar of its created_at timestamps), so a UTC shop keeps asking in plain
 * days, the form the reference documents; a shop elsewhere asks from its first day's local
 * midnight to the last instant before the day after `to` starts there, as ISO timestamps
 * (inclusive bounds), so reviews near midnight land on the shop's day.
 */
export function windowBounds(from: string, to: string, zone: TimeZone): [string, string] {
  if (zone === UTC) return [from, to]
  return [
    new Date(dayStart(from, zone)).toISOString(),
    new Date(dayEnd(to, zone) - 1).toISOString(),
  ]
}

export interface SplitOptions {
  /** The API's cap; an answer this long may have been cut short. */
  limit: number
  /** The zone whose days `from`/`to` are (the shop's). */
  zone: TimeZone
  /** Narrowest time slice tried within a day before giving up on it. Default 1 s. */
  minSliceMs?: number
  /** Called after every request with the rows it returned. */
  onRequest?: (rows: number) => void
}

export interface SplitResult {
  /** Raw rows, possibly with duplicates where time slices touch; callers dedupe by id. */
  rows: unknown[]
  requests: number
  /** Days still returning the cap at the narrowest slice, or whose slices were refused. */
  truncatedDays: string[]
}

function createdAtMs(row: unknown): number | null {
  if (typeof row !== 'object' || row === null) return null
  const v = (row as Record<string, unknown>).created_at
  if (typeof v !== 'string') return null
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : t
}

/**
 * A time slice is only trusted if every dated row lies inside it: an API that ignored the
 * time of day would answer each slice with the whole day's first 1,000 again, and taking
 * those as complete would double-count some reviews and silently miss others.
 */
function within(rows: readonly unknown[], fromMs: number, toMs: number): boolean {
  for (const row of rows) {
    const t = createdAtMs(row)
    if (t !== null && (t < fromMs || t > toMs)) return false
  }
  return true
}

/**
 * Fetches the days `from`..`to` (inclusive) completely. Halves a full window by days down to
 * single days; halves a full single day by time (ISO timestamps, inclusive bounds as the
 * sandbox documents) down to `minSliceMs`. If the API refuses or ignores timestamps, the day
 * keeps its first 1,000 rows and is reported as possibly truncated. Malformed rows count
 * towards the cap like any other row (the server counted them), so the length test is on
 * raw rows.
 */
export async function fetchSplit(
  from: string,
  to: string,
  fetch: FetchWindow,
  opts: SplitOptions,
): Promise<SplitResult> {
  const minSlice = opts.minSliceMs ?? 1000
  const zone = opts.zone
  const truncated = new Set<string>()
  let requests = 0
  const ask = async (a: string, b: string): Promise<unknown[]> => {
    const rows = await fetch(a, b)
    requests++
    opts.onRequest?.(rows.length)
    return rows
  }
  const full = (rows: readonly unknown[]): boolean => rows.length >= opts.limit

  const byTime = async (
    day: string,
    fromMs: number,
    toMs: number,
    fullRows: unknown[],
  ): Promise<unknown[]> => {
    if (toMs - fromMs < minSlice) {
      truncated.add(day)
      return fullRows
    }
    const mid = Math.floor((fromMs + toMs) / 2)
    let halves: [unknown[], unknown[]]
    try {
      halves = await Promise.all([
        ask(new Date(fromMs).toISOString(), new Date(mid).toISOString()),
        ask(new Date(mid + 1).toISOString(), new Date(toMs).toISOString()),
      ])
    } catch (err) {
      // A 400 means this API wants plain days only; anything else is a real failure.
      if (isBadRequest(err)) {
        truncated.add(day)
        return fullRows
      }
      throw err
    }
    const [a, b] = halves
    if (!within(a, fromMs, mid) || !within(b, mid + 1, toMs)) {
      truncated.add(day)
      return fullRows
    }
    const [ra, rb] = await Promise.all([
      full(a) ? byTime(day, fromMs, mid, a) : a,
      full(b) ? byTime(day, mid + 1, toMs, b) : b,
    ])
    return ra.concat(rb)
  }

  // An API that refuses timestamps (400) is asked for the UTC days that cover the shop's
  // days instead, and only the rows inside them are kept; the cap still counts every row.
  let plainDays = zone === UTC
  const askDays = async (a: string, b: string): Promise<{ rows: unknown[]; capped: boolean }> => {
    if (!plainDays) {
      try {
        const rows = await ask(...windowBounds(a, b, zone))
        return { rows, capped: full(rows) }
      } catch (err) {
        if (!isBadRequest(err)) throw err
        plainDays = true
      }
    }
    const fromMs = dayStart(a, zone)
    const toMs = dayEnd(b, zone) - 1
    const raw = await ask(dayOf(fromMs, UTC), dayOf(toMs, UTC))
    const rows = zone === UTC ? raw : raw.filter((r) => within([r], fromMs, toMs))
    return { rows, capped: full(raw) }
  }

  const byDays = async (a: string, b: string): Promise<unknown[]> => {
    const { rows, capped } = await askDays(a, b)
    if (!capped) return rows
    if (a === b) return byTime(a, dayStart(a, zone), dayEnd(a, zone) - 1, rows)
    const leftDays = Math.floor(dayCount(a, b) / 2)
    const midDay = addDays(a, leftDays - 1)
    const [l, r] = await Promise.all([byDays(a, midDay), byDays(addDays(midDay, 1), b)])
    return l.concat(r)
  }

  const rows = await byDays(from, to)
  return { rows, requests, truncatedDays: [...truncated].sort() }
}

function isBadRequest(err: unknown): boolean {
  const code = (err as { appError?: { code?: unknown } } | null)?.appError?.code
  return code === 'API_BAD_REQUEST' || code === 'API_NOT_ACCEPTABLE'
}
