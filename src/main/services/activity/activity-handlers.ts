import type { ActivityLog } from '../../activity'
import type { EventBus } from '../../ipc/event-bus'
import type { Handlers } from '../../ipc/router'

type ActivityHandlers = Pick<Handlers, 'activity:list' | 'activity:clear' | 'activity:export'>

export function activityHandlers(activity: ActivityLog, events: EventBus): ActivityHandlers {
  return {
    'activity:list': (filter) => activity.list(filter),
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
  }
}
