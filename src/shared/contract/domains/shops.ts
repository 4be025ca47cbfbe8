import { z } from 'zod'
import { shopDraftSchema, type ConnectionTestResult, type Shop, type ShopsState } from '../../shops'
import { channel, event } from '../define'
import { byId, noInput } from './common'

export const shopsChannels = {
  'shops:list': channel<ShopsState>()(noInput),
  'shops:save': channel<Shop>()(shopDraftSchema),
  'shops:remove': channel<ShopsState>()(byId),
  'shops:set-active': channel<ShopsState>()(byId),
  'shops:test-connection': channel<ConnectionTestResult>()(byId),
  'shops:allow-weak-secrets': channel<ShopsState>()(z.object({ allow: z.boolean() }).strict()),
} as const

export const shopsEvents = {
  'shops:changed': event<ShopsState>(),
} as const
