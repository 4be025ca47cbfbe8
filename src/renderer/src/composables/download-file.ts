import type { ExportedFile } from '../../../shared/files'

/**
 * Offers a file main prepared (already redacted and formula-safe) as a download. A blob:
 * URL is same-origin, so the link guard lets it through and no navigation happens.
 */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
