import type { filesChannels } from '../../../shared/contract/domains/files'
import type { FilePurpose, IntakeFile } from '../../../shared/files'
import type { Feature } from '../../feature'
import type { FileRegistry } from './file-registry'
import type { OpenedFiles } from './opened-files'

/** The host's native picker: Electron shows a dialog; the browser host has none. */
export type PickFiles = (purpose: FilePurpose, multiple: boolean) => Promise<string[]>

/** File intake: screens get an opaque file id, never a path. */
export function createFilesFeature(deps: {
  files: FileRegistry
  opened: OpenedFiles
  pickFiles: PickFiles | null
}): Feature<keyof typeof filesChannels> {
  const { files, opened, pickFiles } = deps
  return {
    // The registry's methods take plain ids, as the services in main call them.
    handlers: {
      'files:recent': ({ purpose, max }) => files.recent(purpose, max),
      'files:info': ({ fileId }) => files.info(fileId),
      'files:pick': async ({ purpose, multiple }) => {
        if (!pickFiles) return []
        const picked: IntakeFile[] = []
        for (const p of await pickFiles(purpose, multiple)) picked.push(await files.registerPath(p))
        return picked
      },
      'files:take-opened': () => opened.take(),
      'files:forget': async ({ fileId }) => {
        await files.forget(fileId)
        return { forgotten: true }
      },
    },
  }
}
