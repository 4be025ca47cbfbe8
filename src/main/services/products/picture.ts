/**
 * What the screen may show as a product's picture. The renderer's CSP allows images only
 * from itself and `data:` (a picture URL pointing anywhere would also tell that host who is
 * looking), so main reads an https picture itself, within limits, and hands over a data:
 * URI. The Demo shop already sends data: URIs of images, which pass as they are.
 */
const MAX_BYTES = 2 * 1024 * 1024
const TIMEOUT_MS = 10_000
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

export type PictureFetch = (url: string, init: RequestInit) => Promise<Response>

export async function pictureOf(
  raw: string | null | undefined,
  fetchImpl: PictureFetch = (url, init) => fetch(url, init),
): Promise<string | null> {
  const value = raw?.trim()
  if (!value) return null
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(value)) return value
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:') return null
  try {
    const res = await fetchImpl(url.href, {
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { Accept: [...IMAGE_TYPES].join(', ') },
    })
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (!res.ok || !type || !IMAGE_TYPES.has(type)) return null
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (bytes.byteLength > MAX_BYTES) return null
    return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
  } catch {
    // No picture is a gap in the card, not a failed lookup.
    return null
  }
}
