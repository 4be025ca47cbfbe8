import { protocol } from 'electron'
import { securityHeaders } from '../web-host/csp'
import { readStaticFile } from '../web-host/static-files'

/** Must run before `app.ready`: makes app:// a secure, standard origin for the renderer. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer from disk under app://console/, with the CSP as a header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url)
    const notFound = (): Response =>
      new Response('Not found', { status: 404, headers: securityHeaders })
    if (url.host !== 'console') return notFound()
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return notFound()
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...securityHeaders },
    })
  })
}
