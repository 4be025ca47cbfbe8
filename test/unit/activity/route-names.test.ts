import { describe, expect, it } from 'vitest'
import { endpointNames } from '../../../src/main/api/catalogue'
import { en } from '../../../src/renderer/src/i18n/en'
import { ru } from '../../../src/renderer/src/i18n/ru'

const lookup = (catalogue: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogue)

describe('Activity names each call by what the marketer did', () => {
  it('has a name for every endpoint the console calls, in both languages, never its path', () => {
    for (const name of endpointNames) {
      for (const catalogue of [en.activity.routes, ru.activity.routes]) {
        const text = lookup(catalogue, name)
        expect(typeof text, `${name} has a name`).toBe('string')
        expect(text as string, name).not.toMatch(/\//)
      }
    }
  })
})
