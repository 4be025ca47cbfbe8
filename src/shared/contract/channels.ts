import { activityChannels } from './domains/activity'
import { appChannels } from './domains/app'
import { filesChannels } from './domains/files'
import { importChannels } from './domains/import'
import { npsChannels } from './domains/nps'
import { sendsChannels } from './domains/sends'
import { shopsChannels } from './domains/shops'

/**
 * Every request the renderer can make of main, one file per domain in ./domains. Main
 * parses `input` with the schema before a handler sees it; the renderer's `invoke` is
 * typed from the same entries. Adding a domain's channels here is all it takes for the
 * preload's allow-list, the router (which then demands a handler) and the renderer.
 */
export const channels = {
  ...appChannels,
  ...shopsChannels,
  ...activityChannels,
  ...filesChannels,
  ...importChannels,
  ...npsChannels,
  ...sendsChannels,
} as const

export const channelNames = Object.keys(channels) as (keyof typeof channels)[]
