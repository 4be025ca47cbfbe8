import type { activityChannels } from '../../../shared/contract/domains/activity'
import type { EventBus } from '../../ipc/event-bus'
import { forward, type CsvDialects, type Feature } from '../../feature'
import { csvFileName } from '../files/csv'
import type { ActivityLog } from './store'

export { ActivityLog } from './store'
export { activityHook } from './wire'

/**
 * The activity screen. The log itself is built by core before the API client, which
 * records every call into it.
 */
export function createActivityFeature(deps: {
  activity: ActivityLog
  events: EventBus
  csvDialect: CsvDialects
}): Feature<keyof typeof activityChannels> {
  const { activity, events, csvDialect } = deps
  const unsubscribe = activity.subscribe((record) => events.emit('activity:recorded', record))
  return {
    handlers: {
      ...forward(activity, { 'activity:list': 'list' }),
      'activity:clear': async () => {
        await activity.clear()
        events.emit('activity:cleared', {})
        return { cleared: true }
      },
      'activity:export': ({ csv, ...filter }) => {
        const dialect = csvDialect(csv)
        return {
          filename: csvFileName(
            `personaclick-activity-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`,
            dialect,
          ),
          mimeType: 'text/csv;charset=utf-8',
          content: activity.exportCsv(filter, dialect),
        }
      },
    },
    async dispose() {
      unsubscribe()
      await activity.flush()
    },
  }
}
