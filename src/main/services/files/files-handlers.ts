import type { FilePurpose, IntakeFile } from '../../../shared/files'
import type { Handlers } from '../../ipc/router'
import type { FileRegistry } from './file-registry'

/** The host's native picker: Electron shows a dialog; the browser host has none. */
export type PickFiles = (purpose: FilePurpose, multiple: boolean) => Promise<string[]>

type FilesHandlers = Pick<Handlers, 'files:pick' | 'files:recent' | 'files:info' | 'files:forget'>

export function filesHandlers(files: FileRegistry, pick: PickFiles | null): FilesHandlers {
  return {
    'files:pick': async ({ purpose, multiple }) => {
      if (!pick) return []
      const paths = await pick(purpose, multiple)
      const picked: IntakeFile[] = []
      for (const p of paths) picked.push(await files.registerPath(p))
      return picked
    },
    'files:recent': ({ purpose, max }) => files.recent(purpose, max),
    'files:info': ({ fileId }) => files.info(fileId),
    'files:forget': async ({ fileId }) => {
      await files.forget(fileId)
      return { forgotten: true }
    },
  }
}
