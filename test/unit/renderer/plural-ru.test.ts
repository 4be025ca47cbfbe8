import { describe, expect, it } from 'vitest'
import { russianPlural } from '../../../src/renderer/src/i18n/plural-ru'

describe('Russian plural rule', () => {
  // "Нет магазинов | {n} магазин | {n} магазина | {n} магазинов"
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [4, 2],
    [5, 3],
    [11, 3],
    [12, 3],
    [14, 3],
    [21, 1],
    [22, 2],
    [25, 3],
    [111, 3],
    [101, 1],
  ])('%i picks form %i of four', (n, form) => {
    expect(russianPlural(n, 4)).toBe(form)
  })

  it('works with three forms (no zero form)', () => {
    expect([1, 3, 5, 0].map((n) => russianPlural(n, 3))).toEqual([0, 1, 2, 2])
  })
})
