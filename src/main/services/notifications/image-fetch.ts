import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

/**
 * Remote images of a message preview, fetched by main and handed to the page as data:
 * URLs. The console's own CSP (which a srcdoc frame inherits) allows no remote images, and
 * should not have to: only here, only on the marketer's "load images", only https, only
 * from public addresses (a message body must not make the console probe the local network),
 * only real raster images, small, with a deadline.
 */

const MAX_BYTES = 2 * 1024 * 1024
const TIMEOUT_MS = 8_000
const MAX_REDIRECTS = 3
const TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])

/** Loopback, private, link-local, CGNAT, multicast and reserved ranges, v4 and v6. */
export function isPublicAddress(ip: string): boolean {
  const v = isIP(ip)
  if (v === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number)
    return !(
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    )
  }
  if (v === 6) {
    const x = ip.toLowerCase()
    if (x.startsWith('::ffff:')) return isPublicAddress(x.slice(7))
    return !(
      x === '::' ||
      x === '::1' ||
      x.startsWith('fc') ||
      x.startsWith('fd') ||
      x.startsWith('fe8') ||
      x.startsWith('fe9') ||
      x.startsWith('fea') ||
      x.startsWith('feb') ||
      x.startsWith('ff')
    )
  }
  return false
}

export type Resolve = (host: string) => Promise<string[]>

const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true })).map((a) => a.address)

async function allowed(url: URL, resolve: Resolve): Promise<boolean> {
  if (url.protocol !== 'https:' || url.username || url.password) return false
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return false
  if (isIP(host)) return isPublicAddress(host)
  try {
    const addresses = await resolve(host)
    return addresses.length > 0 && addresses.every(isPublicAddress)
  } catch {
    return false
  }
}

async function readCapped(res: Response): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? '0')
  if (declared > MAX_BYTES || !res.body) return null
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > MAX_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** One image as a data: URL, or null when it is refused or cannot be had. */
export async function fetchImage(
  raw: string,
  opts: { fetch?: typeof fetch; resolve?: Resolve } = {},
): Promise<string | null> {
  const doFetch = opts.fetch ?? fetch
  const resolve = opts.resolve ?? resolveAll
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  const signal = AbortSignal.timeout(TIMEOUT_MS)
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!(await allowed(url, resolve))) return null
      const res = await doFetch(url, {
        redirect: 'manual',
        signal,
        credentials: 'omit',
        headers: { accept: [...TYPES].join(', ') },
      })
      const location = res.headers.get('location')
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel()
        url = new URL(location, url)
        continue
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
      if (!res.ok || !type || !TYPES.has(type)) {
        await res.body?.cancel()
        return null
      }
      const bytes = await readCapped(res)
      return bytes ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null
    }
    return null
  } catch {
    return null
  }
}
