import { isAllowedExternalUrl } from '../../../shared/external-links'
import { keyedFailure } from '../../../shared/errors'

/** How each host opens a URL in the system browser (Electron: shell.openExternal). */
export type OpenExternal = (url: string) => Promise<void>

/** The one allow-listed way to open a link outside the console. */
export async function openExternalSafely(
  url: string,
  open: OpenExternal,
): Promise<{ opened: true }> {
  if (!isAllowedExternalUrl(url)) {
    throw keyedFailure('NOT_ALLOWED', 'link-outside')
  }
  await open(url)
  return { opened: true }
}
