import type { FastifyReply, FastifyRequest } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import { authenticate } from './auth'
import type { SandboxState } from './data/state'
import { errorBody, serialize, wrongShapeBody, type ErrorFamily } from './envelope'
import { HttpError } from './errors'
import type { FaultInjector } from './faults'
import { redact, type Journal } from './journal'
import { str } from './params'
import { readInput, type RequestInput } from './request-input'
import type { RouteSpec } from './route'
import type { EnvelopeStyle, JournalEntry, SandboxShop } from './types'

export interface PipelineDeps {
  state: SandboxState
  journal: Journal
  faults: FaultInjector
  shops: readonly SandboxShop[]
  envelope(): EnvelopeStyle
}

type Fault = JournalEntry['fault']

interface Outcome {
  status: number
  body: unknown
  headers?: Record<string, string>
  fault?: Fault
}

/** 406 unless the client accepts JSON ("You requested a format that isn't json"). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true
  return accept
    .split(',')
    .map((part) => (part.split(';')[0] ?? '').trim().toLowerCase())
    .some((t) => t === '*/*' || t === 'application/*' || t === 'application/json' || t === '')
}

export function errorOutcome(error: unknown, style: EnvelopeStyle, family: ErrorFamily): Outcome {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: errorBody(style, family, error.message),
      headers: error.headers,
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { status: 500, body: errorBody(style, family, `Internal error: ${message}`) }
}

export function send(reply: FastifyReply, outcome: Outcome): void {
  reply.code(outcome.status)
  for (const [k, v] of Object.entries(outcome.headers ?? {})) reply.header(k, v)
  reply.header('content-type', 'application/json; charset=utf-8').send(serialize(outcome.body))
}

/** Journal entry for a request, with shop_secret masked in the query and body copies. */
export function journalEntry(
  request: FastifyRequest,
  input: Partial<RequestInput>,
  status: number,
  fault: Fault = null,
): Omit<JournalEntry, 'seq' | 'time'> {
  const query = input.query ?? { ...(request.query as Record<string, unknown>) }
  const shopId = str(input.body ?? {}, 'shop_id') ?? str(query, 'shop_id') ?? null
  const entry: Omit<JournalEntry, 'seq' | 'time'> = {
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    query: redact(query) as Record<string, unknown>,
    contentType: request.headers['content-type'] ?? null,
    body: redact(input.rawBody ?? null),
    status,
    shopId,
    fault,
    secretPlacement: input.secretPlacement ?? (query.shop_secret !== undefined ? 'query' : 'none'),
  }
  if (input.files && input.files.length > 0) entry.files = input.files
  return entry
}

/**
 * Every documented endpoint runs through here: 406 -> body parsing -> injected faults ->
 * auth (401/403) -> handler (400/404/...) -> envelope (or the wrong-shape fault's body) ->
 * latency -> journal. Faults come
 * before auth because a real gateway throttles before the app looks at credentials.
 */
export function routeHandler(spec: RouteSpec, deps: PipelineDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const style = deps.envelope()
    let input: Partial<RequestInput> = {}
    let outcome: Outcome
    let dropAfter = false
    try {
      if (!acceptsJson(request.headers.accept))
        throw new HttpError(406, 'Only application/json responses are available')
      input = await readInput(request, spec.body)
      const params = { ...input.query, ...input.body }
      const decision = deps.faults.decide(str(params, 'shop_id') ?? null, Date.now())
      if (decision.kind === 'drop' && !decision.afterProcessing) {
        await sleep(deps.faults.latencyMs)
        deps.journal.add(journalEntry(request, input, 0, 'drop'))
        reply.hijack()
        request.raw.socket.destroy()
        return
      }
      if (decision.kind === 'rate-limit' || decision.kind === '429') {
        const headers = { 'retry-after': String(decision.retryAfter) }
        throw Object.assign(new HttpError(429, 'Too many requests', headers), {
          fault: decision.kind,
        })
      }
      if (decision.kind === '5xx') {
        const message =
          decision.status === 503 ? 'Service temporarily unavailable' : 'Internal server error'
        const headers: Record<string, string> =
          decision.status === 503 ? { 'retry-after': '1' } : {}
        throw Object.assign(new HttpError(decision.status, message, headers), {
          fault: '5xx' as const,
        })
      }
      dropAfter = decision.kind === 'drop'
      const header = request.headers['x-shop-secret']
      const shop = authenticate(
        spec,
        params,
        typeof header === 'string' ? header : undefined,
        deps.shops,
        deps.state,
      )
      const pathParams = (request.params ?? {}) as Record<string, string>
      const result = await spec.handle({
        params,
        pathParams,
        shop,
        files: input.files ?? [],
        now: deps.state.now,
        at: deps.state.clock.now(),
      })
      outcome = {
        status: result.status ?? 200,
        body: style === 'legacy' ? result.legacy : result.current,
      }
      // After the handler: the request took effect (a send went out), only the answer is odd.
      if (deps.faults.wrongShape(spec)) {
        outcome = { status: 200, body: wrongShapeBody(style), fault: 'shape' }
      }
    } catch (error) {
      outcome = errorOutcome(error, style, spec.errorFamily)
      const fault = (error as { fault?: Fault }).fault
      if (fault) outcome.fault = fault
    }
    await sleep(deps.faults.latencyMs)
    if (dropAfter) {
      // "The request reached the server, the response was lost": state already changed.
      deps.journal.add(journalEntry(request, input, 0, 'drop'))
      reply.hijack()
      request.raw.socket.destroy()
      return
    }
    deps.journal.add(journalEntry(request, input, outcome.status, outcome.fault ?? null))
    // The instant the answer describes: the sandbox clock, which tests may have moved.
    outcome.headers = { ...outcome.headers, date: deps.state.clock.now().toUTCString() }
    send(reply, outcome)
  }
}
