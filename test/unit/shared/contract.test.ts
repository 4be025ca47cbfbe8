import { describe, expect, it } from 'vitest'
import { channelNames, channels } from '../../../src/shared/contract/channels'
import { eventNames } from '../../../src/shared/contract/events'
import { bridgeKeys } from '../../../src/shared/contract/types'
import { isAllowedExternalUrl } from '../../../src/shared/external-links'

describe('contract', () => {
  it('names every channel once and gives each a schema', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length)
    for (const name of channelNames) expect(typeof channels[name].input.safeParse).toBe('function')
  })

  it('lists the events main may push', () => {
    expect(eventNames).toContain('settings:changed')
  })

  it('exposes exactly invoke and on to the renderer', () => {
    expect([...bridgeKeys].sort()).toEqual(['invoke', 'on'])
  })

  it('settings:update accepts a partial patch and refuses unknown values', () => {
    const schema = channels['settings:update'].input
    expect(schema.safeParse({ language: 'ru' }).success).toBe(true)
    expect(schema.safeParse({ language: 'de' }).success).toBe(false)
    expect(schema.safeParse({ theme: 'dark', extra: 1 }).success).toBe(false)
  })
})

describe('external links', () => {
  it.each([
    ['https://docs.personaclick.com/', true],
    ['https://personaclick.com/pricing', true],
    ['http://docs.personaclick.com/', false],
    ['https://docs.personaclick.com.evil.test/', false],
    ['https://user:pw@docs.personaclick.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})
