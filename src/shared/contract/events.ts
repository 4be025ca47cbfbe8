import { mergeDomains } from './define'
import { domains } from './domains'

/** Every event main pushes to the renderer, gathered from the domains in ./domains. */
export const events = mergeDomains(domains, 'events')

export const eventNames = Object.keys(events) as (keyof typeof events)[]
