import { JsonItems } from '../../api/json-items'
import type { SecretRegistry } from '../../log/redact'

/**
 * Makes request parameters fit for the activity log: secrets redacted (by key and by value),
 * big arrays replaced by their size ('[1000 items]') and long strings cut, so one bulk
 * import does not put a megabyte of customer data into every record.
 */
export interface SummariseLimits {
  /** Arrays longer than this become '[N items]'. */
  maxArrayItems: number
  maxStringLength: number
  maxDepth: number
}

export const defaultLimits: SummariseLimits = {
  maxArrayItems: 20,
  maxStringLength: 200,
  maxDepth: 4,
}

/**
 * Long arrays become '[N items]', nesting past maxDepth a placeholder and, when
 * `cutStrings`, long strings are cut. Without `cutStrings` it runs before the redaction,
 * dropping what the summary would replace anyway: redacting a 1,000-row audience only to
 * print '[1000 items]' cost ~8 ms a batch. That pass only removes data and never cuts a
 * string, so it cannot keep a part of a secret the redaction would have removed.
 */
function summarise(
  value: unknown,
  limits: SummariseLimits,
  depth: number,
  cutStrings: boolean,
): unknown {
  if (typeof value === 'string') {
    return cutStrings && value.length > limits.maxStringLength
      ? `${value.slice(0, limits.maxStringLength)}… [${value.length} chars]`
      : value
  }
  // Rows on their way to the API as encoded text: never their content, only their count.
  if (value instanceof JsonItems) return `[${value.length} items]`
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayItems || depth >= limits.maxDepth)
      return `[${value.length} items]`
    return value.map((v) => summarise(v, limits, depth + 1, cutStrings))
  }
  if (value && typeof value === 'object') {
    if (depth >= limits.maxDepth) return '[object]'
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = summarise(v, limits, depth + 1, cutStrings)
    return out
  }
  return value
}

export function summariseParams(
  params: Record<string, unknown>,
  secrets: SecretRegistry,
  limits: SummariseLimits = defaultLimits,
): Record<string, unknown> {
  // Redact first (secret-like key names such as a token, and registered secret values), then
  // shrink: the summary must never be able to preserve a secret the redaction would remove.
  const redacted = secrets.redact(summarise(params, limits, 0, false))
  const shrunk = summarise(redacted, limits, 0, true)
  return shrunk && typeof shrunk === 'object' && !Array.isArray(shrunk)
    ? (shrunk as Record<string, unknown>)
    : {}
}

/** The parameters an endpoint keeps out of the log (`unlogged`) replaced by their size. */
export function unlogged(
  spec: { unlogged?: readonly string[] },
  params: Record<string, unknown>,
): Record<string, unknown> {
  if (!spec.unlogged) return params
  const out = { ...params }
  for (const name of spec.unlogged) {
    const value = out[name]
    if (value !== undefined)
      out[name] = Array.isArray(value) ? `[${value.length} items]` : '[not logged]'
  }
  return out
}
