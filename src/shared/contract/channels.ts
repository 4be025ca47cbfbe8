import { mergeDomains } from './define'
import { domains } from './domains'

/**
 * Every request the renderer can make of main, gathered from the domains in ./domains.
 * Main parses `input` with the schema before a handler sees it; the renderer's `invoke` is
 * typed from the same entries. A domain listed there is all it takes for the preload's
 * allow-list, the router (which then demands a handler) and the renderer.
 */
export const channels = mergeDomains(domains, 'channels')

export const channelNames = Object.keys(channels) as (keyof typeof channels)[]
