import type { ActivityFilter, ActivityPage, ActivityRecord } from '../../../shared/activity'

export function matches(r: ActivityRecord, f: ActivityFilter): boolean {
  if (f.profileId !== undefined && r.profileId !== f.profileId) return false
  if (typeof f.status === 'number' && r.status !== f.status) return false
  if (typeof f.status === 'string' && r.outcome !== f.status) return false
  if (f.pathContains && !r.path.toLowerCase().includes(f.pathContains.toLowerCase())) return false
  return true
}

/** Newest first; `records` is oldest first (append order). */
export function select(records: readonly ActivityRecord[], f: ActivityFilter): ActivityPage {
  const hits: ActivityRecord[] = []
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]
    if (r && matches(r, f)) hits.push(r)
  }
  const offset = Math.max(0, Math.floor(f.offset ?? 0))
  const limit = f.limit === undefined ? hits.length : Math.max(0, Math.floor(f.limit))
  return { items: hits.slice(offset, offset + limit), total: hits.length }
}
