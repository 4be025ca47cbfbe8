import { activityChannels, activityEvents } from './activity'
import { appChannels, appEvents } from './app'
import { filesChannels, filesEvents } from './files'
import { importChannels, importEvents } from './import'
import { notificationsChannels, notificationsEvents } from './notifications'
import { npsChannels, npsEvents } from './nps'
import { segmentsChannels, segmentsEvents } from './segments'
import { promoCodesChannels, promoCodesEvents } from './promo-codes'
import { productsChannels, productsEvents } from './products'
import { sendsChannels, sendsEvents } from './sends'
import { shopsChannels, shopsEvents } from './shops'

/**
 * Every domain of the contract: the requests its screen makes of main and the events main
 * pushes to it, declared side by side in ./<domain>.ts. A new screen adds one line here.
 */
export const domains = [
  { channels: appChannels, events: appEvents },
  { channels: shopsChannels, events: shopsEvents },
  { channels: activityChannels, events: activityEvents },
  { channels: filesChannels, events: filesEvents },
  { channels: importChannels, events: importEvents },
  { channels: npsChannels, events: npsEvents },
  { channels: sendsChannels, events: sendsEvents },
  { channels: segmentsChannels, events: segmentsEvents },
  { channels: promoCodesChannels, events: promoCodesEvents },
  { channels: productsChannels, events: productsEvents },
  { channels: notificationsChannels, events: notificationsEvents },
] as const
