import type { ActivityRecord } from '../../../../shared/activity'

/**
 * A call's result in the marketer's words. The HTTP status stays for support (tooltip and
 * "Technical details"); a marketer reads "Succeeded" or "Failed", not "200 · OK".
 */
export type CallResult = 'succeeded' | 'retried' | 'failed' | 'unknown' | 'cancelled'

export function callResult(r: Pick<ActivityRecord, 'outcome' | 'retries'>): CallResult {
  switch (r.outcome) {
    case 'ok':
      // It worked in the end, but only after PersonaClick was asked again: worth seeing
      // when a shop is slow or rate-limited.
      return r.retries > 0 ? 'retried' : 'succeeded'
    case 'error':
      return 'failed'
    case 'unknown':
      return 'unknown'
    case 'cancelled':
      return 'cancelled'
  }
}

export const resultSeverity: Record<
  CallResult,
  'success' | 'info' | 'danger' | 'warn' | 'secondary'
> = {
  succeeded: 'success',
  retried: 'info',
  failed: 'danger',
  unknown: 'warn',
  cancelled: 'secondary',
}

/**
 * The catalogue key of an endpoint's friendly name (`activity.routes.promoCodes.list`):
 * endpoint names are dotted, so they nest in the catalogue as they read.
 */
export const routeKey = (endpoint: string): string => `activity.routes.${endpoint}`
