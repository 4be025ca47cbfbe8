import type { importChannels } from '../../../shared/contract/domains/import'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { ImportService } from './import-service'

/** Audience import: detect, map, validate in a worker, upload in resumable batches. */
export async function createImportFeature(
  deps: FeatureDeps,
): Promise<Feature<keyof typeof importChannels>> {
  const service = await ImportService.open({
    ...deps,
    onChange: (state) => deps.events.emit('import:job', state),
  })
  return {
    handlers: {
      ...forward(service, {
        'import:detect': 'detect',
        'import:validate': 'validate',
        'import:start': 'start',
        'import:pause': 'pause',
        'import:resume': 'resume',
        'import:cancel': 'cancel',
        'import:discard': 'discard',
        'import:jobs': 'list',
        'import:issues': 'issues',
        'import:mappings': 'mappings',
        'import:save-mapping': 'saveMapping',
        'import:delete-mapping': 'deleteMapping',
      }),
      'import:error-report': ({ csv, ...job }) => service.errorReport(job, deps.csvDialect(csv)),
    },
    // Running jobs stop without being marked finished: they resume after a restart.
    dispose: () => service.dispose(),
  }
}
