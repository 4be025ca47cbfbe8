/** The activity log's types live in the contract so the renderer sees the same shapes. */
export type { ActivityFilter, ActivityPage, ActivityRecord } from '../../shared/activity'
