/**
 * Contact key → line number, for de-duplicating millions of rows in little memory. A `Map`
 * with string keys cost ~250 bytes a contact (the key string, the entry, the table), which
 * made the index most of a large import's memory. Here:
 * - phones (digits up to 15, which a double holds exactly) sit in an open-addressing table
 *   of doubles and lines: 12 bytes a slot;
 * - emails (and any other text key) are stored once as UTF-8 in pages of 1 MiB; the table
 *   holds a hash, the bytes' place and the line: 16 bytes an entry, 4 a slot.
 * Tables double when three quarters full (half full they held a quarter more slots at the
 * peak, for probes that were no cheaper in the measurement); a key's bytes are never moved
 * (one buffer that doubled held up to twice the bytes, and three times while it grew).
 * A hash only finds candidates: every hit is confirmed against the stored key itself, so
 * two different contacts are never taken for one, whatever their hashes.
 */
export class ContactIndex {
  private readonly phones = new NumberTable()
  private readonly texts = new TextTable()

  getBytes(buf: Uint8Array, from: number, to: number): number {
    return this.texts.get(buf, from, to)
  }

  setBytes(buf: Uint8Array, from: number, to: number, line: number): void {
    this.texts.set(buf, from, to, line)
  }

  getPhone(phone: number | string): number {
    if (typeof phone === 'number') return this.phones.get(phone)
    const b = Buffer.from(phone)
    return this.texts.get(b, 0, b.length)
  }

  setPhone(phone: number | string, line: number): void {
    if (typeof phone === 'number') return this.phones.set(phone, line)
    const b = Buffer.from(phone)
    this.texts.set(b, 0, b.length, line)
  }

  /** Keys held. */
  get size(): number {
    return this.phones.size + this.texts.entries
  }

  /**
   * Makes room for `keys` more keys of the kinds held so far, in their proportions: growing
   * a table step by step rehashes every key at each doubling (0.2 s of a million-row merge).
   */
  reserve(keys: number): void {
    const held = this.size
    if (held === 0) return
    this.phones.reserve(this.phones.size + Math.ceil((keys * this.phones.size) / held))
    this.texts.reserve(this.texts.entries + Math.ceil((keys * this.texts.entries) / held))
  }

  clear(): void {
    this.phones.clear()
    this.texts.clear()
  }
}

const EMPTY = -1
const FIRST_SLOTS = 1 << 12

/** Murmur3's finaliser: spreads a 32-bit value over all bits, for power-of-two tables. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Positive whole numbers below 2^53 (0 marks an empty slot) → line. */
class NumberTable {
  private keys = new Float64Array(FIRST_SLOTS)
  private lines = new Int32Array(FIRST_SLOTS)
  size = 0

  private slot(key: number): number {
    const mask = this.keys.length - 1
    let i = mix((key % 0x100000000) ^ Math.imul(Math.floor(key / 0x100000000), 0x9e3779b1)) & mask
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask
    return i
  }

  get(key: number): number {
    const i = this.slot(key)
    return this.keys[i] === key ? this.lines[i]! : EMPTY
  }

  set(key: number, line: number): void {
    if (!(key > 0 && key <= Number.MAX_SAFE_INTEGER && Number.isInteger(key)))
      throw new RangeError(`not an index key: ${key}`)
    const i = this.slot(key)
    if (this.keys[i] !== key) {
      this.keys[i] = key
      if (++this.size * 4 > this.keys.length * 3) {
        this.lines[i] = line
        return this.grow()
      }
    }
    this.lines[i] = line
  }

  /** Room for `keys` keys in all without growing. */
  reserve(keys: number): void {
    let slots = this.keys.length
    while (keys * 4 > slots * 3) slots *= 2
    if (slots > this.keys.length) this.grow(slots)
  }

  private grow(slots = this.keys.length * 2): void {
    const { keys, lines } = this
    this.keys = new Float64Array(slots)
    this.lines = new Int32Array(slots)
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue
      const i = this.slot(keys[j]!)
      this.keys[i] = keys[j]!
      this.lines[i] = lines[j]!
    }
  }

  clear(): void {
    this.keys = new Float64Array(FIRST_SLOTS)
    this.lines = new Int32Array(FIRST_SLOTS)
    this.size = 0
  }
}

/** FNV-1a over the bytes, mixed for the table's low bits (exported for the collision test). */
export function textHash(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193)
  return mix(h) | 0
}

/** Bytes of a page of keys; a longer key gets a page of its own. */
const PAGE = 1 << 20

/** Byte strings → line; each key's bytes kept once, in `pages`. */
class TextTable {
  /** Slot → entry + 1 (0: empty). */
  private slots = new Int32Array(FIRST_SLOTS)
  private hashes = new Int32Array(FIRST_SLOTS / 2)
  private starts = new Int32Array(FIRST_SLOTS / 2)
  private ends = new Int32Array(FIRST_SLOTS / 2)
  private lines = new Int32Array(FIRST_SLOTS / 2)
  entries = 0
  /**
   * Where key bytes go: page `p` holds the places from `p * PAGE` on (a key longer than a
   * page takes as many places as pages it would span, in one page of its own size), so a
   * place says its page. The first page starts small, as most files are.
   */
  private pages: Uint8Array[] = [new Uint8Array(64 * 1024)]
  /** The next free place. */
  private used = 0

  /** The slot holding this key, or the empty slot where it would go. */
  private find(buf: Uint8Array, from: number, to: number, hash: number): number {
    const mask = this.slots.length - 1
    const length = to - from
    let i = (hash >>> 0) & mask
    for (;;) {
      const e = this.slots[i]! - 1
      if (e < 0) return i
      if (this.hashes[e] === hash && this.ends[e]! - this.starts[e]! === length) {
        // Confirm on the key's own bytes: equal hashes prove nothing.
        const start = this.starts[e]!
        const page = this.pages[Math.floor(start / PAGE)]!
        const at = start % PAGE
        let same = true
        for (let k = 0; k < length; k++)
          if (page[at + k] !== buf[from + k]) {
            same = false
            break
          }
        if (same) return i
      }
      i = (i + 1) & mask
    }
  }

  /** The last key looked up and where it was found: a `set` right after reuses them. */
  private last = { buf: null as Uint8Array | null, from: 0, to: 0, hash: 0, slot: 0 }

  private locate(buf: Uint8Array, from: number, to: number): number {
    const last = this.last
    if (last.buf === buf && last.from === from && last.to === to) return last.slot
    const hash = textHash(buf, from, to)
    const slot = this.find(buf, from, to, hash)
    last.buf = buf
    last.from = from
    last.to = to
    last.hash = hash
    last.slot = slot
    return slot
  }

  get(buf: Uint8Array, from: number, to: number): number {
    const e = this.slots[this.locate(buf, from, to)]! - 1
    return e < 0 ? EMPTY : this.lines[e]!
  }

  set(buf: Uint8Array, from: number, to: number, line: number): void {
    const i = this.locate(buf, from, to)
    const hash = this.last.hash
    // The slots change below: the remembered lookup no longer holds.
    this.last.buf = null
    const found = this.slots[i]! - 1
    if (found >= 0) {
      this.lines[found] = line
      return
    }
    const e = this.entries++
    if (e === this.hashes.length) this.growEntries()
    const length = to - from
    const start = this.place(length)
    this.pages[Math.floor(start / PAGE)]!.set(buf.subarray(from, to), start % PAGE)
    this.hashes[e] = hash
    this.starts[e] = start
    this.ends[e] = start + length
    this.lines[e] = line
    this.slots[i] = e + 1
    if (this.entries * 4 > this.slots.length * 3) this.growSlots()
  }

  /** A place for `length` bytes of key, in one page. */
  private place(length: number): number {
    let p = Math.floor(this.used / PAGE)
    let at = this.used % PAGE
    // Not in the rest of this page: the next one (the rest stays unused).
    if (at > 0 && at + length > PAGE) {
      p++
      at = 0
    }
    if (length > PAGE) {
      // A key longer than a page: a page of its own, standing for every page it spans.
      const own = new Uint8Array(length)
      const spans = Math.ceil(length / PAGE)
      for (let k = 0; k < spans; k++) this.pages[p + k] = own
      this.used = (p + spans) * PAGE
      return p * PAGE
    }
    const page = this.pages[p]
    if (!page) this.pages[p] = new Uint8Array(PAGE)
    else if (at + length > page.length) {
      // Only the first page starts small: it grows up to a whole page.
      const grown = new Uint8Array(Math.min(PAGE, Math.max(page.length * 2, at + length)))
      grown.set(page.subarray(0, at))
      this.pages[p] = grown
    }
    this.used = p * PAGE + at + length
    return p * PAGE + at
  }

  /** Room for `keys` keys in all without growing (their bytes still take pages as they come). */
  reserve(keys: number): void {
    let slots = this.slots.length
    while (keys * 4 > slots * 3) slots *= 2
    if (slots > this.slots.length) this.growSlots(slots)
    if (keys > this.hashes.length) this.growEntries(keys)
  }

  private growEntries(length = this.hashes.length * 2): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(length)
      b.set(a)
      return b
    }
    this.hashes = grow(this.hashes)
    this.starts = grow(this.starts)
    this.ends = grow(this.ends)
    this.lines = grow(this.lines)
  }

  private growSlots(length = this.slots.length * 2): void {
    this.slots = new Int32Array(length)
    const mask = this.slots.length - 1
    for (let e = 0; e < this.entries; e++) {
      let i = (this.hashes[e]! >>> 0) & mask
      while (this.slots[i] !== 0) i = (i + 1) & mask
      this.slots[i] = e + 1
    }
  }

  clear(): void {
    this.last.buf = null
    this.slots = new Int32Array(FIRST_SLOTS)
    this.hashes = new Int32Array(FIRST_SLOTS / 2)
    this.starts = new Int32Array(FIRST_SLOTS / 2)
    this.ends = new Int32Array(FIRST_SLOTS / 2)
    this.lines = new Int32Array(FIRST_SLOTS / 2)
    this.entries = 0
    this.pages = [new Uint8Array(64 * 1024)]
    this.used = 0
  }
}
