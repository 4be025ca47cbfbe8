import { describe, expect, it } from 'vitest'
import {
  UTC,
  addDays,
  addYears,
  dayCount,
  dayEnd,
  dayFromParts,
  dayOf,
  dayStart,
  daysBetween,
  isDay,
  today,
  weekStart,
} from '../../../src/shared/days'

const at = (iso: string): number => Date.parse(iso)
const hours = (day: string, zone: string): number =>
  (dayEnd(day, zone) - dayStart(day, zone)) / 3_600_000

describe('calendar days', () => {
  it('knows which days exist', () => {
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2023-02-29')).toBe(false)
    expect(isDay('2024-02-30')).toBe(false)
    expect(isDay('2024-04-31')).toBe(false)
    expect(isDay('2024-13-01')).toBe(false)
    expect(isDay('2024-1-01')).toBe(false)
    expect(isDay('2024-01-01T00:00')).toBe(false)
    expect(dayFromParts(2024, 2, 29)).toBe('2024-02-29')
    expect(dayFromParts(2023, 2, 29)).toBeNull()
    expect(dayFromParts(2025, 6, 31)).toBeNull()
    expect(dayFromParts(1999, 12, 31)).toBe('1999-12-31')
  })

  it('steps over month ends, year ends and the leap day', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-01-01', -366)).toBe('2024-01-01')
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('2025-03-31', -1)).toBe('2024-03-31')
  })

  it('counts and lists the days of a period, both ends included', () => {
    expect(dayCount('2024-02-01', '2024-02-29')).toBe(29)
    expect(dayCount('2023-02-01', '2023-02-28')).toBe(28)
    expect(dayCount('2025-03-01', '2025-03-31')).toBe(31)
    expect(dayCount('2024-01-01', '2024-12-31')).toBe(366)
    expect(dayCount('2025-01-01', '2025-01-01')).toBe(1)
    expect(daysBetween('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ])
    expect(daysBetween('2025-10-25', '2025-10-27')).toHaveLength(3)
    expect(daysBetween('2025-01-02', '2025-01-01')).toEqual([])
  })

  it('starts weeks on Monday, across a year end', () => {
    expect(weekStart('2025-01-05')).toBe('2024-12-30') // a Sunday
    expect(weekStart('2024-12-30')).toBe('2024-12-30') // a Monday
    expect(weekStart('2024-03-02')).toBe('2024-02-26') // over the leap day
  })
})

describe('days in a shop’s time zone', () => {
  it('puts an instant on the day it is where the shop is', () => {
    const lateEvening = at('2025-06-30T22:30:00Z')
    expect(dayOf(lateEvening, UTC)).toBe('2025-06-30')
    expect(dayOf(lateEvening, 'Europe/Moscow')).toBe('2025-07-01')
    expect(dayOf(lateEvening, 'America/New_York')).toBe('2025-06-30')
    expect(today('Asia/Tokyo', lateEvening)).toBe('2025-07-01')
    expect(today('America/Los_Angeles', at('2025-01-01T07:59:59Z'))).toBe('2024-12-31')
  })

  it('makes the spring-forward day 23 hours and the fall-back day 25 in Berlin', () => {
    expect(new Date(dayStart('2025-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2025-03-29T23:00:00.000Z',
    )
    expect(new Date(dayEnd('2025-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2025-03-30T22:00:00.000Z',
    )
    expect(hours('2025-03-30', 'Europe/Berlin')).toBe(23)
    expect(hours('2025-10-26', 'Europe/Berlin')).toBe(25)
    expect(hours('2025-03-30', 'Europe/Moscow')).toBe(24)
    expect(hours('2025-03-09', 'America/New_York')).toBe(23)
    // The repeated hour (02:00–03:00 twice) belongs to the same day both times.
    expect(dayOf(at('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26')
    expect(dayOf(at('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26')
  })

  it('has exactly two days off 24 hours in a year with daylight saving, none without', () => {
    const odd = (zone: string) =>
      daysBetween('2024-01-01', '2024-12-31').filter((d) => hours(d, zone) !== 24)
    expect(odd('Europe/Berlin')).toEqual(['2024-03-31', '2024-10-27'])
    expect(odd('Europe/Moscow')).toEqual([])
    expect(odd(UTC)).toEqual([])
  })

  it('starts a day whose midnight does not exist at its first real instant', () => {
    // Chile moved clocks from 00:00 to 01:00 on 8 September 2024.
    const start = dayStart('2024-09-08', 'America/Santiago')
    expect(new Date(start).toISOString()).toBe('2024-09-08T04:00:00.000Z')
    expect(dayEnd('2024-09-07', 'America/Santiago')).toBe(start)
    expect(hours('2024-09-08', 'America/Santiago')).toBe(23)
  })

  it('round-trips every day’s first and last instant', () => {
    for (const zone of [UTC, 'Europe/Berlin', 'America/Santiago', 'Asia/Kolkata']) {
      for (const day of daysBetween('2024-02-25', '2024-03-05')) {
        expect(dayOf(dayStart(day, zone), zone), `${zone} ${day}`).toBe(day)
        expect(dayOf(dayEnd(day, zone) - 1, zone), `${zone} ${day}`).toBe(day)
      }
    }
  })

  it('refuses a time zone it does not know instead of guessing UTC', () => {
    expect(() => dayOf(0, 'Mars/Olympus')).toThrow(/time zone/)
  })
})
