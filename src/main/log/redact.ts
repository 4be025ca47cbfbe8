/**
 * Redaction happens where data is produced, not where it is shown: anything that
 * might be logged, exported or sent to the renderer goes through here first.
 */
const secretKey = /secret|token|password|authorization|api[_-]?key/i

export const REDACTED = '[redacted]'

/**
 * Every spelling a secret can take on its way out: raw; percent-encoded as in a path or
 * `encodeURIComponent` (space as `%20`); form-encoded as in a query or form body (space as
 * `+`); JSON-escaped, also with `\/` as some servers write it; and the percent forms with
 * lower-case hex, which some proxies produce when they echo a request back.
 */
export function secretSpellings(secret: string): string[] {
  const uri = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const json = JSON.stringify(secret).slice(1, -1)
  const forms = [secret, uri, form, json, json.replaceAll('/', '\\/')]
  const lowerHex = (text: string): string =>
    text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
  return [...new Set([...forms, ...forms.map(lowerHex)])]
}

export class SecretRegistry {
  /** Each registered secret with all its spellings. */
  private readonly values = new Map<string, string[]>()
  /** Every spelling of every secret, longest first, so no form is left half-replaced. */
  private spellings: string[] = []

  /** Remember a secret value so that it is scrubbed wherever it appears in text. */
  add(value: string): void {
    if (value.length < 4 || this.values.has(value)) return
    this.values.set(value, secretSpellings(value))
    this.reindex()
  }

  delete(value: string): void {
    if (this.values.delete(value)) this.reindex()
  }

  scrubText(text: string): string {
    let out = text
    for (const v of this.spellings) out = out.split(v).join(REDACTED)
    return out
  }

  private reindex(): void {
    const all = new Set([...this.values.values()].flat())
    this.spellings = [...all].sort((a, b) => b.length - a.length)
  }

  redact(value: unknown, depth = 0): unknown {
    if (depth > 8) return '[deep]'
    if (typeof value === 'string') return this.scrubText(value)
    if (value instanceof Error) return this.scrubText(`${value.name}: ${value.message}`)
    if (Array.isArray(value)) return value.map((v) => this.redact(v, depth + 1))
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) {
        out[k] = secretKey.test(k) ? REDACTED : this.redact(v, depth + 1)
      }
      return out
    }
    return value
  }
}
