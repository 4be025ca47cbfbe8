import type { notificationsChannels } from '../../../shared/contract/domains/notifications'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { NotificationsService } from './notifications-service'

/** A customer's message history and message status by code, for the active shop. */
export async function createNotificationsFeature(
  deps: FeatureDeps,
): Promise<Feature<keyof typeof notificationsChannels>> {
  const service = await NotificationsService.open(deps)
  return {
    handlers: {
      ...forward(service, {
        'notifications:choices': 'choices',
        'notifications:search': 'search',
        'notifications:images': 'images',
        'notifications:status': 'status',
      }),
      'notifications:export': ({ csv, ...query }) => service.exportCsv(query, deps.csvDialect(csv)),
    },
  }
}
