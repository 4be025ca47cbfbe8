import { fileExtensions, type FilePurpose, type IntakeFile } from '../../../shared/files'
import { invoke, onEvent } from '../api'
import { uploadFile } from './web-upload'

/** A file on its way to the host (the browser host uploads it; Electron needs no upload). */
export interface UploadProgress {
  name: string
  sent: number
  size: number
}

export interface FileRequest {
  purpose: FilePurpose
  multiple: boolean
  /** Reports an upload under way; null when it is over. */
  onProgress(progress: UploadProgress | null): void
}

/**
 * How files reach main, one implementation per host, chosen once where the bridge is built
 * (main.ts). Screens only ever see file handles; no component knows which host it runs in.
 */
export interface HostFiles {
  /** The host's own chooser; resolves with nothing when the marketer cancels. */
  choose(request: FileRequest): Promise<IntakeFile[]>
  /** Files dropped on the window, already checked against the request's types. */
  dropped(files: File[], request: FileRequest): Promise<IntakeFile[]>
}

/**
 * Electron: the native dialog runs in main. A page cannot learn a dropped file's path, so
 * the preload hands the paths to main (webUtils), and main announces the registered files.
 */
export const electronFiles: HostFiles = {
  choose: ({ purpose, multiple }) => invoke('files:pick', { purpose, multiple }),
  dropped: () =>
    new Promise((resolve) => {
      // Files without a path (dragged out of another app's memory) are never announced.
      const timer = setTimeout(() => finish([]), 10_000)
      const off = onEvent('files:dropped', (files) => finish(files))
      function finish(files: IntakeFile[]): void {
        clearTimeout(timer)
        off()
        resolve(files)
      }
    }),
}

/** The browser host: a page has no paths, so the bytes are uploaded to the host process. */
export const webFiles: HostFiles = {
  choose: (request) =>
    new Promise((resolve, reject) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.multiple = request.multiple
      input.accept = fileExtensions[request.purpose].map((e) => `.${e}`).join(',')
      input.addEventListener('change', () =>
        upload([...(input.files ?? [])], request).then(resolve, reject),
      )
      input.addEventListener('cancel', () => resolve([]))
      input.click()
    }),
  dropped: (files, request) => upload(files, request),
}

async function upload(files: File[], request: FileRequest): Promise<IntakeFile[]> {
  const handles: IntakeFile[] = []
  try {
    for (const f of files) {
      request.onProgress({ name: f.name, sent: 0, size: f.size })
      handles.push(
        await uploadFile(f, (sent) => request.onProgress({ name: f.name, sent, size: f.size })),
      )
    }
    return handles
  } finally {
    request.onProgress(null)
  }
}

let current: HostFiles = electronFiles

/** Called once, by main.ts, with the implementation for the host it found. */
export function installHostFiles(files: HostFiles): void {
  current = files
}

export function hostFiles(): HostFiles {
  return current
}
