import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the server answers one request; it may also never answer (a silent server). */
export type Answer = (req: IncomingMessage, res: ServerResponse) => void

export interface AnsweringServer {
  url: string
  /** Requests seen, by path. */
  hits(path: string): number
  close(): Promise<void>
}

/**
 * A stand-in for PersonaClick that answers each path as the test says: what the sandbox
 * cannot be made to do (an error text in a 200, an answer of hundreds of megabytes, no
 * answer at all). Paths it was not told about get 404.
 */
export async function answeringServer(answers: Record<string, Answer>): Promise<AnsweringServer> {
  const seen = new Map<string, number>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    seen.set(path, (seen.get(path) ?? 0) + 1)
    // Read the whole request before answering, as a real server does.
    req.resume()
    req.once('end', () => {
      const answer = answers[path]
      if (answer) answer(req, res)
      else res.writeHead(404).end()
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: (path) => seen.get(path) ?? 0,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

/** A 200 with this JSON body. */
export const json =
  (body: unknown): Answer =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
  }
