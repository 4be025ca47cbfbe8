import type { ActivityRecord } from './activity'
import type { ErrorCode } from './errors'

/**
 * What the active shop's latest PersonaClick call says about reaching it, for the header's
 * status: a marketer reads "Connected" next to the shop's name as "this shop works", so a
 * refused key or an unreachable API must show there, not only on the screen that failed.
 * `unknown` until the shop's first call.
 */
export type ShopReach = 'unknown' | 'ok' | 'refused' | 'unreachable'

const REFUSED: readonly ErrorCode[] = ['API_WRONG_SECRET', 'API_WRONG_SHOP_ID']
const UNREACHABLE: readonly ErrorCode[] = [
  'NETWORK_UNREACHABLE',
  'TLS_ERROR',
  'TIMEOUT',
  'API_UNAVAILABLE',
]

/**
 * The reach one call shows, or null when it says nothing about it: a bad request, a
 * missing customer or a cancelled load fail for their own reasons while the shop is fine.
 */
export function reachShownBy(
  record: Pick<ActivityRecord, 'outcome' | 'errorCode'>,
): ShopReach | null {
  if (record.outcome === 'ok') return 'ok'
  if (!record.errorCode) return null
  if (REFUSED.includes(record.errorCode)) return 'refused'
  if (UNREACHABLE.includes(record.errorCode)) return 'unreachable'
  return null
}
