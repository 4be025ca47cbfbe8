/**
 * A JSON array whose items are already encoded (an import's `rows.jsonl` lines): it goes into
 * a JSON body as it is, so a batch of thousands of rows is neither parsed into objects nor
 * stringified again on its way out. The activity log shows it as its item count only.
 */
export class JsonItems {
  constructor(
    /** Each item's JSON text. */
    readonly items: readonly string[],
    /** Or (`joined`): the items as UTF-8 bytes, already separated by commas. */
    private readonly bytes: Uint8Array | null = null,
    readonly length = items.length,
  ) {}

  /**
   * `count` items as UTF-8 JSON separated by commas (what goes between `[` and `]`): lines
   * of a JSON-lines file go out as the bytes read, never decoded into strings.
   */
  static joined(bytes: Uint8Array, count: number): JsonItems {
    return new JsonItems([], bytes, count)
  }

  /** The array's inside, as text or as bytes, whichever it is held as. */
  get inside(): string | Uint8Array {
    return this.bytes ?? this.items.join(',')
  }

  /** For bodies that are not JSON (query, form): the items as values. */
  parsed(): unknown[] {
    if (this.bytes) return JSON.parse(`[${new TextDecoder().decode(this.bytes)}]`) as unknown[]
    return this.items.map((item) => JSON.parse(item) as unknown)
  }

  /** Anywhere but the top level of a body, plain `JSON.stringify` still gets it right. */
  toJSON(): unknown[] {
    return this.parsed()
  }
}

/**
 * `JSON.stringify(params)` for a body's top-level parameters, each `JsonItems` among them
 * spliced in as its encoded items (`[item,item,…]`) rather than parsed and encoded again.
 * Items held as bytes make the body bytes too (a batch's rows are never a string).
 */
export function stringifyWithItems(params: Record<string, unknown>): string | Uint8Array {
  const parts: (string | Uint8Array)[] = []
  let text = ''
  for (const [key, value] of Object.entries(params)) {
    const json = value instanceof JsonItems ? value.inside : JSON.stringify(value)
    // As JSON.stringify does: a member without a JSON value (undefined, a function) is left out.
    if (json === undefined) continue
    text += `${text || parts.length ? ',' : '{'}${JSON.stringify(key)}:`
    if (typeof json !== 'string') {
      parts.push(`${text}[`, json)
      text = ']'
    } else text += value instanceof JsonItems ? `[${json}]` : json
  }
  text = text || parts.length ? `${text}}` : '{}'
  if (parts.length === 0) return text
  const utf8 = new TextEncoder()
  return Buffer.concat([...parts, text].map((p) => (typeof p === 'string' ? utf8.encode(p) : p)))
}
