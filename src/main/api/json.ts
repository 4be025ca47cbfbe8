/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact. The API sends ids
 * such as NPS `client_id` as 19-digit bare numbers; JSON.parse would silently round them
 * (1515915625535836508 -> 1515915625535836400), so a later lookup by that id would miss.
 * Such integers come back as digit strings. Node 20 has no JSON.parse source access, so we
 * quote them in the text first, skipping anything inside string literals.
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text))
}

const BIG_INT = /-?\d{16,}(?![.eE\d])/y

export function quoteUnsafeIntegers(text: string): string {
  // Fast path: no run of 16 digits anywhere means nothing can be unsafe.
  if (!/\d{16}/.test(text)) return text
  let out = ''
  let last = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 0x5c)
        i++ // backslash: skip the escaped character
      else if (ch === 0x22) inString = false
      continue
    }
    if (ch === 0x22) {
      inString = true
      continue
    }
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      BIG_INT.lastIndex = i
      const m = BIG_INT.exec(text)
      if (m && !Number.isSafeInteger(Number(m[0]))) {
        out += text.slice(last, i) + '"' + m[0] + '"'
        last = i + m[0].length
      }
      // Skip the rest of this number token (also when it was short or fractional).
      let j = i + 1
      while (j < text.length && /[\d.eE+-]/.test(text[j] ?? '')) j++
      i = j - 1
    }
  }
  return last === 0 ? text : out + text.slice(last)
}
