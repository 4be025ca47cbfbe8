import type { activityChannels } from '../../../shared/contract/domains/activity'
import type { EventBus } from '../../ipc/event-bus'
import { forward, type Feature } from '../../feature'
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
}): Feature<keyof typeof activityChannels> {
  const { activity, events } = deps
  const unsubscribe = activity.subscribe((record) => events.emit('activity:recorded', record))
  return {
    handlers: {
      ...forward(activity, { 'activity:list': 'list' }),
      'activity:clear': async () => {
        await activity.clear()
        events.emit('activity:cleared', {})
        return { cleared: true }
      },
      'activity:export': (filter) => ({
        filename: `personaclick-activity-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        content: activity.exportCsv(filter),
      }),
    },
    async dispose() {
      unsubscribe()
      await activity.flush()
    },
  }
}
