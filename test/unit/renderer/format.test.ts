import { describe, expect, it } from 'vitest'
import { format } from '../../../src/renderer/src/i18n/format'

// Intl separates groups and units with (narrow) no-break spaces; compare with plain ones.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')
const en = format('en')
const ru = format('ru')

describe('numbers and shares in the marketer’s language', () => {
  it('groups thousands and uses the language’s decimal mark', () => {
    expect(en.number(12345.678)).toBe('12,345.68')
    expect(plain(ru.number(12345.678))).toBe('12 345,68')
    expect(en.number(34.8, 1)).toBe('34.8')
    expect(ru.number(34.8, 1)).toBe('34,8')
    expect(ru.number(35, 1)).toBe('35,0')
  })

  it('writes a share of one as a percentage', () => {
    expect(en.percent(0.348)).toBe('34.8%')
    expect(plain(ru.percent(0.348))).toBe('34,8 %')
    expect(en.percent(0.5, 0)).toBe('50%')
  })
})

describe('dates', () => {
  const lateEvening = '2026-03-29T21:30:00Z' // already the next day in Moscow

  it('places a date in the given time zone', () => {
    expect(format('en', 'UTC').date(lateEvening)).toBe('Mar 29, 2026')
    expect(format('en', 'Europe/Moscow').date(lateEvening)).toBe('Mar 30, 2026')
    expect(format('ru', 'Europe/Moscow').date(lateEvening)).toBe('30 мар. 2026 г.')
  })

  it('gives an instant on one line, to the minute, without seconds', () => {
    const enAt = plain(format('en', 'Europe/Moscow').dateTime(lateEvening))
    const ruAt = plain(format('ru', 'Europe/Moscow').dateTime(lateEvening))
    expect(enAt).toBe('Mar 30, 2026, 12:30 AM')
    expect(ruAt).toBe('30 мар. 2026 г., 00:30')
    expect(enAt).not.toMatch(/\n/)
    // Across Europe's change to summer time (the last Sunday of March), in Berlin.
    expect(plain(format('en', 'Europe/Berlin').dateTime('2026-03-29T00:30:00Z'))).toBe(
      'Mar 29, 2026, 1:30 AM',
    )
    expect(plain(format('en', 'Europe/Berlin').dateTime('2026-03-29T01:30:00Z'))).toBe(
      'Mar 29, 2026, 3:30 AM',
    )
  })
})

describe('durations', () => {
  it('rounds to the unit that matters at that size', () => {
    expect(plain(en.duration(42))).toBe('42 sec')
    expect(plain(en.duration(90))).toBe('2 min')
    expect(plain(en.duration(3600))).toBe('1 hr')
    expect(plain(en.duration(3600 + 5 * 60))).toBe('1 hr 5 min')
  })

  it('says them the Russian way', () => {
    expect(plain(ru.duration(42))).toBe('42 с')
    expect(plain(ru.duration(3600 + 5 * 60))).toBe('1 ч 5 мин')
    expect(plain(ru.duration(2 * 3600))).toBe('2 ч')
  })
})

describe('file sizes', () => {
  it('uses kB below a megabyte and MB with one decimal above', () => {
    expect(plain(en.bytes(500))).toBe('1 kB')
    expect(plain(en.bytes(47 * 1024))).toBe('47 kB')
    expect(plain(en.bytes(10.05 * 1024 * 1024))).toBe('10.1 MB')
    expect(plain(ru.bytes(10.05 * 1024 * 1024))).toBe('10,1 МБ')
    expect(plain(en.bytes(3 * 1024 ** 3))).toBe('3 GB')
  })

  it('rounds up, so a file just over a limit never reads as the limit', () => {
    expect(plain(en.bytes(10 * 1024 * 1024 + 1))).toBe('10.1 MB')
  })
})
