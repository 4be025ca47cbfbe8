import type { ApiCallRecord } from '../../api/types'
import type { ActivityLog } from './store'

/** The client's onCall hook, feeding the activity log: `createApiClient({ onCall: activityHook(log) })`. */
export function activityHook(log: ActivityLog): (record: ApiCallRecord) => void {
  return (record) => {
    log.append(record)
  }
}
