import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import Fastify, { type FastifyInstance } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import { SandboxClock } from './clock'
import { SandboxState } from './data/state'
import { errorBody, type ErrorFamily } from './envelope'
import { FaultInjector } from './faults'
import { Journal } from './journal'
import { journalEntry, routeHandler, send, type PipelineDeps } from './pipeline'
import type { RouteSpec } from './route'
import { audienceRoutes } from './routes/audience'
import { messagingRoutes } from './routes/messaging'
import { npsRoutes } from './routes/nps'
import { productRoutes } from './routes/products'
import { promoCodeRoutes } from './routes/promo-codes'
import { searchRoutes } from './routes/search'
import { segmentRoutes } from './routes/segments'
import { subscriptionRoutes } from './routes/subscriptions'
import { DEMO_SHOP } from './shops'
import type { EnvelopeStyle, Sandbox, SandboxOptions } from './types'

export const ROUTES: readonly RouteSpec[] = [
  ...audienceRoutes,
  ...segmentRoutes,
  ...promoCodeRoutes,
  ...messagingRoutes,
  ...npsRoutes,
  ...productRoutes,
  ...subscriptionRoutes,
  ...searchRoutes,
]

/** Audience imports can be large; the console batches, but allow generous bodies. */
const BODY_LIMIT = 32 * 1024 * 1024

function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/:[a-z_]+/g, '[^/]+')}$`)
}

/** Methods allowed on a path, for 405 + Allow; empty when the path is unknown (404). */
function allowedMethods(path: string): string[] {
  const methods = ROUTES.filter((r) => pathPattern(r.path).test(path)).map((r) => r.method)
  return [...new Set(methods)]
}

function familyOf(url: string | undefined, method: string): ErrorFamily {
  return ROUTES.find((r) => r.path === url && r.method === method)?.errorFamily ?? 'status'
}

function build(deps: PipelineDeps): FastifyInstance {
  const app = Fastify({ bodyLimit: BODY_LIMIT })
  void app.register(formbody, { bodyLimit: BODY_LIMIT })
  void app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10 } })
  void app.after(() => {
    for (const spec of ROUTES) {
      app.route({ method: spec.method, url: spec.path, handler: routeHandler(spec, deps) })
    }
  })
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const allow = allowedMethods(path)
    const status = allow.length > 0 ? 405 : 404
    const message = status === 405 ? 'Method not allowed' : 'Not found'
    await sleep(deps.faults.latencyMs)
    deps.journal.add(journalEntry(request, {}, status))
    send(reply, {
      status,
      body: errorBody(deps.envelope(), 'status', message),
      headers: status === 405 ? { allow: allow.join(', ') } : {},
    })
  })
  // Errors raised by fastify before our handler runs: malformed JSON, unsupported media
  // type, body too large. 415 is not in the reference's list, so it becomes 400.
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    const family = familyOf(request.routeOptions.url, request.method)
    const raw = error.statusCode ?? 500
    const status = raw === 415 ? 400 : raw
    await sleep(deps.faults.latencyMs)
    deps.journal.add(journalEntry(request, {}, status))
    send(reply, { status, body: errorBody(deps.envelope(), family, error.message) })
  })
  return app
}

/** Starts the Demo shop sandbox on 127.0.0.1 (never on other interfaces). */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const shops = opts.shops && opts.shops.length > 0 ? [...opts.shops] : [DEMO_SHOP]
  const seed = opts.seed ?? 46
  const now = opts.now ? new Date(opts.now) : new Date(Math.floor(Date.now() / 60_000) * 60_000)
  const frozen = (opts.clock ?? (opts.now ? 'frozen' : 'wall')) === 'frozen'
  const clock = new SandboxClock(frozen ? now.getTime() : null)
  const state = new SandboxState(seed, now, shops, clock)
  // Build the first shop's cheap data now so the first request is not the slow one.
  void state.main
  if (opts.promoDrain) for (const shop of shops) state.shop(shop.shopId).promoDrain = true
  let envelope: EnvelopeStyle = opts.envelope ?? 'legacy'
  const journal = new Journal()
  const faults = new FaultInjector(opts.faults, opts.faultSeed ?? seed)
  const app = build({ state, journal, faults, shops, envelope: () => envelope })
  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string')
    throw new Error('Sandbox did not bind a TCP port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    journal,
    state,
    clock,
    setFaults: (f) => faults.set(f),
    setEnvelope: (e) => {
      envelope = e
    },
    close: () => app.close(),
  }
}
