/**
 * DNS-rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends
 * `Host: evil.example`, so only loopback names on our own port are accepted.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`
}

/** Only our own page may open the WebSocket; other sites' pages carry their own Origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

/**
 * A request target as our page sends it: a path starting with one slash. Anything else
 * (`//[`, `http://…`, `*`) is refused rather than handed to the URL parser as a
 * protocol-relative or absolute address, which throws on some inputs and would let a
 * request name another host.
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null
  try {
    return new URL(target, 'http://127.0.0.1')
  } catch {
    return null
  }
}
