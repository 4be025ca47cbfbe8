import type { Handlers } from '../../ipc/router'
import type { ImportService } from './import-service'

type ImportHandlers = Pick<Handlers, `import:${string}` & keyof Handlers>

export function importHandlers(service: ImportService): ImportHandlers {
  return {
    'import:detect': ({ fileId, overrides }) => service.detect(fileId, overrides),
    'import:validate': (input) => service.validate(input),
    'import:start': ({ jobId, options }) => service.start(jobId, options),
    'import:pause': ({ jobId }) => service.pause(jobId),
    'import:resume': ({ jobId }) => service.resume(jobId),
    'import:cancel': ({ jobId }) => service.cancel(jobId),
    'import:discard': async ({ jobId }) => {
      await service.discard(jobId)
      return { discarded: true }
    },
    'import:jobs': () => service.list(),
    'import:issues': ({ jobId, limit }) => service.issues(jobId, limit),
    'import:error-report': ({ jobId }) => service.errorReport(jobId),
    'import:mappings': () => service.mappings(),
    'import:save-mapping': ({ name, headers, mapping }) =>
      service.saveMapping(name, headers, mapping),
    'import:delete-mapping': ({ id }) => service.deleteMapping(id),
  }
}
