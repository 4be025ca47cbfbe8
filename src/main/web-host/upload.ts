import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_UPLOAD_BYTES } from '../../shared/files'
import { AppFailure } from '../../shared/errors'
import type { FileRegistry } from '../services/files/file-registry'
import { replyJson } from './reply'

/**
 * `POST /upload?name=…`: the browser host's way to hand a dropped file to main (a page has
 * no file paths). The caller has already checked Host, Origin and the session cookie.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  files: FileRegistry,
): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    req.resume()
    return replyJson(res, 413, {
      code: 'NOT_ALLOWED',
      message: 'The file is too large (4 GB at most).',
    })
  }
  try {
    const file = await files.registerUpload(
      url.searchParams.get('name') ?? 'file',
      req,
      MAX_UPLOAD_BYTES,
    )
    replyJson(res, 200, file)
  } catch (err) {
    const e =
      err instanceof AppFailure
        ? err.appError
        : { code: 'INTERNAL', message: 'The upload failed. Try again.' }
    if (!res.headersSent) replyJson(res, 400, e)
    else res.end()
  }
}
