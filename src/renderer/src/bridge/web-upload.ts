import { UPLOAD_PATH, type IntakeFile } from '../../../shared/files'
import type { AppError } from '../../../shared/errors'
import { ApiError } from '../api'

/**
 * Browser host only: a page has no file paths, so the bytes go to the host process
 * (same origin, with the page's session cookie), which keeps a private copy and returns
 * its handle.
 */
export function uploadFile(file: File, onProgress?: (sent: number) => void): Promise<IntakeFile> {
  const url = `${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`
  return new Promise((resolve, reject) => {
    // XHR rather than fetch: it reports upload progress for big files.
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded)
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      if (xhr.status === 200) resolve(body as IntakeFile)
      else
        reject(
          new ApiError(
            (body as AppError | null) ?? {
              code: 'INTERNAL',
              message: 'The upload failed. Try again.',
            },
          ),
        )
    }
    xhr.onerror = () =>
      reject(
        new ApiError({
          code: 'NETWORK_UNREACHABLE',
          message: 'The console’s host stopped answering.',
        }),
      )
    xhr.send(file)
  })
}
