import type { ActivityFilter, ActivityRecord } from '../../../shared/activity'

export function matches(r: ActivityRecord, f: ActivityFilter): boolean {
  if (f.profileId !== undefined && r.profileId !== f.profileId) return false
  if (typeof f.status === 'number' && r.status !== f.status) return false
  if (typeof f.status === 'string' && r.outcome !== f.status) return false
  if (f.pathContains && !r.path.toLowerCase().includes(f.pathContains.toLowerCase())) return false
  return true
}
