import { describe, expect, it } from 'vitest'
import { generateCodes } from '../../../src/main/services/promo-codes/generate'
import {
  CODE_ALPHABET,
  forecast,
  invalidReason,
  patternProblem,
} from '../../../src/shared/promo-codes'

describe('generated codes', () => {
  it('fill every X from the look-alike-free alphabet and keep the rest of the pattern', () => {
    const codes = [...generateCodes('SPRING-XXXX-XXXX', 5000)]
    expect(new Set(codes).size).toBe(5000)
    for (const code of codes) expect(code).toMatch(/^SPRING-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const used = new Set(codes.join('').replace(/SPRING|-/g, ''))
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(used.has(lookAlike)).toBe(false)
    // 40,000 draws over 31 characters: every one of them shows up.
    expect(used.size).toBe(CODE_ALPHABET.length)
  })

  it('never yields a code already taken, even when the pattern space is small', () => {
    const taken = new Set([...generateCodes('A-XX', 400)])
    const more = [...generateCodes('A-XX', 400, taken)]
    expect(more.some((c) => taken.has(c))).toBe(false)
    expect(new Set([...taken, ...more]).size).toBe(800)
  })

  it('refuses patterns that cannot make that many distinct codes', () => {
    expect(patternProblem('SPRING', 10)).toBe('no-slots')
    expect(patternProblem('SPR ING-XX', 10)).toBe('invalid')
    expect(patternProblem('A-XX', 300)).toBe('too-few-combinations') // 961 < 4 × 300
    expect(patternProblem('SPRING-XXXX-XXXX', 1_000_000)).toBeNull()
  })
})

describe('code checks', () => {
  it.each([
    ['', 'empty'],
    ['A B', 'whitespace'],
    ['A\tB', 'control'],
    ['X'.repeat(65), 'too-long'],
    ['X'.repeat(64), null],
    ['SPRING-2025', null],
  ])('%j is %s', (code, reason) => expect(invalidReason(code)).toBe(reason))
})

describe('runs-out forecast', () => {
  const at = (h: number, available: number) => ({
    t: new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString(),
    available,
  })

  it('needs more than an hour of readings', () => {
    expect(forecast([at(0, 1000)], 1000)).toEqual({ kind: 'not-enough-history' })
    expect(forecast([at(0, 1000), at(0.5, 990)], 990)).toEqual({ kind: 'not-enough-history' })
  })

  it('divides the stock by the recent pace; uploads are not negative use', () => {
    // 240 codes handed out over 24 hours (an upload of 500 in between): 240 a day.
    const history = [at(0, 1000), at(12, 880), at(13, 1380), at(24, 1260)]
    expect(forecast(history, 1260)).toEqual({ kind: 'days', days: 5.3 })
  })

  it('says when nothing is going down, or nothing is left', () => {
    expect(forecast([at(0, 50), at(5, 50)], 50)).toEqual({ kind: 'steady' })
    expect(forecast([at(0, 50), at(5, 0)], 0)).toEqual({ kind: 'empty' })
  })
})
