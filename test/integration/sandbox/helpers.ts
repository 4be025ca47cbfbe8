import { DEMO_SHOP, type Sandbox } from '../../../src/sandbox'

export const AUTH = { shop_id: DEMO_SHOP.shopId, shop_secret: DEMO_SHOP.secret }
export const SHOP_ONLY = { shop_id: DEMO_SHOP.shopId }
/** A fixed instant so generated data does not depend on when the tests run. */
export const NOW = '2025-06-15T12:00:00.000Z'

export interface Res {
  status: number
  headers: Headers
  body: unknown
  text: string
}

type Scalar = string | number | boolean
type QueryValue = Scalar | Scalar[] | undefined

export function query(params: Record<string, QueryValue>): string {
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) sp.append(k, String(item))
  }
  const s = sp.toString()
  return s ? `?${s}` : ''
}

function parseBody(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch (error) {
    // Keep non-JSON bodies visible in assertion diffs instead of throwing here.
    return { unparsable: text, error: String(error) }
  }
}

async function toRes(r: Response): Promise<Res> {
  const text = await r.text()
  return { status: r.status, headers: r.headers, body: parseBody(text), text }
}

export async function get(
  sb: Sandbox,
  path: string,
  params: Record<string, QueryValue> = {},
  headers: Record<string, string> = {},
): Promise<Res> {
  return toRes(await fetch(`${sb.url}${path}${query(params)}`, { headers }))
}

export async function sendJson(
  sb: Sandbox,
  path: string,
  body: unknown,
  method: 'POST' | 'DELETE' | 'GET' = 'POST',
): Promise<Res> {
  return toRes(
    await fetch(`${sb.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
}

export async function postForm(
  sb: Sandbox,
  path: string,
  fields: Record<string, Scalar | undefined>,
): Promise<Res> {
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v))
  return toRes(await fetch(`${sb.url}${path}`, { method: 'POST', body: form }))
}

export async function postMultipart(sb: Sandbox, path: string, form: FormData): Promise<Res> {
  return toRes(await fetch(`${sb.url}${path}`, { method: 'POST', body: form }))
}

/** Unwraps the 'current' envelope {status:'success', payload:{[key]: …}}. */
export function payload(body: unknown, key?: string): unknown {
  const p = (body as { payload?: Record<string, unknown> }).payload
  return key === undefined ? p : p?.[key]
}
