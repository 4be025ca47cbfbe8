import { AppFailure } from '../../shared/errors'
import { REDACTED } from '../log/redact'
import type { EndpointSpec } from './catalogue'
import { apiFailure } from './errors'
import { JsonItems, stringifyWithItems } from './json-items'
import type { ApiFile, ApiParams, ShopCredentials } from './types'

/** A request ready for the transport, plus what may be shown about it (no secret). */
export interface BuiltRequest {
  url: string
  init: RequestInit
  /** Path with path parameters filled in, without the query string. */
  path: string
  /** What was sent, with shop_secret replaced by '[redacted]'. */
  shownParams: Record<string, unknown>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** The base URL; http is only allowed on loopback (the Demo shop) so secrets never go in clear. */
export function baseUrl(apiHost: string): URL {
  let url: URL
  try {
    url = new URL(apiHost)
  } catch {
    // URL's own message repeats the input; ours must not echo arbitrary text.
    throw new AppFailure(
      'INVALID_INPUT',
      "The API host is not a valid address. Check it in this shop's settings.",
    )
  }
  const secure = url.protocol === 'https:'
  if (!secure && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new AppFailure(
      'INVALID_INPUT',
      "The API host must start with https://. Check it in this shop's settings.",
      { host: url.host },
    )
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  url.search = ''
  url.hash = ''
  return url
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== ''

/** Required parameters and "one of" groups, checked before anything goes on the wire. */
export function missingParams(spec: EndpointSpec, params: ApiParams): string[] {
  const missing = spec.required.filter((k) => !present(params[k]))
  for (const group of spec.oneOf ?? []) {
    if (!group.some((k) => present(params[k]))) missing.push(group.join(' or '))
  }
  return missing
}

function fillPath(path: string, params: ApiParams): { path: string; rest: ApiParams } {
  const rest: ApiParams = { ...params }
  const filled = path.replace(/:([a-z_]+)/g, (_m, name: string) => {
    const v = rest[name]
    delete rest[name]
    return encodeURIComponent(String(v))
  })
  return { path: filled, rest }
}

/** Scalars as the API expects them in text encodings (booleans as "true"/"false"). */
function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** Query strings: arrays comma-joined (as `type=bulk,trigger`), objects as JSON. */
function toQuery(params: ApiParams, into: URLSearchParams): void {
  for (const [k, v] of Object.entries(params)) {
    if (!present(v)) continue
    into.append(k, Array.isArray(v) ? v.map(text).join(',') : text(v))
  }
}

/** Rails-style nested fields for form bodies: key[sub]=v, key[]=v. */
function flatten(prefix: string, v: unknown, out: [string, string][]): void {
  if (!present(v)) return
  if (Array.isArray(v)) for (const item of v) flatten(`${prefix}[]`, item, out)
  else if (typeof v === 'object') {
    for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
      flatten(`${prefix}[${k}]`, inner, out)
    }
  } else out.push([prefix, text(v)])
}

function fields(params: ApiParams): [string, string][] {
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(params)) flatten(k, v, out)
  return out
}

function withoutAuth(params: ApiParams): ApiParams {
  const { shop_id: _id, shop_secret: _secret, ...rest } = params
  return rest
}

/**
 * The parameters as they go out: shop_id first, then `secret` wherever the catalogue puts
 * shop_secret among the parameters (nowhere for a header or an endpoint without one).
 * Previews and "copy as curl" pass a stand-in for the secret.
 */
export function withShopParams(
  spec: EndpointSpec,
  shopId: string,
  secret: string,
  params: ApiParams,
): ApiParams {
  const auth: ApiParams = { shop_id: shopId }
  if (spec.secret === 'query' || spec.secret === 'body') auth.shop_secret = secret
  return { ...auth, ...withoutAuth(params) }
}

export function buildRequest(
  spec: EndpointSpec,
  shop: ShopCredentials,
  params: ApiParams,
  files: readonly ApiFile[] = [],
): BuiltRequest {
  const missing = missingParams(spec, params)
  if (missing.length > 0) throw apiFailure('INVALID_INPUT', { missing: missing.join(', ') })
  const base = baseUrl(shop.apiHost)
  const { path, rest } = fillPath(spec.path, withoutAuth(params))
  const url = new URL(path.replace(/^\//, ''), base)
  const headers = new Headers({ Accept: 'application/json' })
  if (spec.secret === 'header') headers.set('X-Shop-Secret', shop.secret)
  const all = withShopParams(spec, shop.shopId, shop.secret, rest)
  // Pre-encoded items go into JSON bodies as they are; any other encoding gets the values.
  if (spec.encoding !== 'json' || files.length > 0)
    for (const [k, v] of Object.entries(all)) if (v instanceof JsonItems) all[k] = v.parsed()
  const shownParams: Record<string, unknown> = {
    ...all,
    ...(spec.secret === 'none' ? {} : { shop_secret: REDACTED }),
  }
  const init: RequestInit = { method: spec.method, headers, redirect: 'manual' }

  if (files.length > 0 && spec.multipartWithFiles) {
    const form = new FormData()
    for (const [k, v] of fields(all)) form.append(k, v)
    for (const f of files) {
      const blob =
        f.data instanceof Blob
          ? f.data
          : new Blob([f.data], { type: f.contentType ?? 'application/octet-stream' })
      form.append(f.field, blob, f.filename)
    }
    // fetch sets the multipart Content-Type with its boundary itself.
    init.body = form
    shownParams.files = files.map((f) => ({
      field: f.field,
      filename: f.filename,
      size: f.data instanceof Blob ? f.data.size : f.data.byteLength,
    }))
  } else if (spec.encoding === 'query') {
    toQuery(all, url.searchParams)
  } else if (spec.encoding === 'form') {
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    init.body = new URLSearchParams(fields(all)).toString()
  } else {
    headers.set('Content-Type', 'application/json')
    init.body = stringifyWithItems(all)
  }
  return { url: url.toString(), init, path, shownParams }
}
