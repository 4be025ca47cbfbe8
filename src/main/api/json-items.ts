/**
 * A JSON array whose items are already encoded (an import's `rows.jsonl` lines): it goes into
 * a JSON body as it is, so a batch of thousands of rows is neither parsed into objects nor
 * stringified again on its way out. The activity log shows it as its item count only.
 */
export class JsonItems {
  constructor(readonly items: readonly string[]) {}

  get length(): number {
    return this.items.length
  }

  /** For bodies that are not JSON (query, form): the items as values. */
  parsed(): unknown[] {
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
 */
export function stringifyWithItems(params: Record<string, unknown>): string {
  const fields: string[] = []
  for (const [key, value] of Object.entries(params)) {
    const json = value instanceof JsonItems ? `[${value.items.join(',')}]` : JSON.stringify(value)
    // As JSON.stringify does: a member without a JSON value (undefined, a function) is left out.
    if (json !== undefined) fields.push(`${JSON.stringify(key)}:${json}`)
  }
  return `{${fields.join(',')}}`
}
