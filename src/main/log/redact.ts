/**
 * Redaction happens where data is produced, not where it is shown: anything that
 * might be logged, exported or sent to the renderer goes through here first.
 */
const secretKey = /secret|token|password|authorization|api[_-]?key/i

export const REDACTED = '[redacted]'

export class SecretRegistry {
  private readonly values = new Set<string>()

  /** Remember a secret value so that it is scrubbed wherever it appears in text. */
  add(value: string): void {
    if (value.length >= 4) this.values.add(value)
  }

  delete(value: string): void {
    this.values.delete(value)
  }

  scrubText(text: string): string {
    let out = text
    for (const v of this.values) out = out.split(v).join(REDACTED)
    return out
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
