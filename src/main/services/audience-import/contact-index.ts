/** Contact key → line. (Plain maps for now; see the compact version.) */
export class ContactIndex {
  private readonly text = new Map<string, number>()
  private readonly numbers = new Map<number, number>()

  getBytes(buf: Uint8Array, from: number, to: number): number {
    return this.text.get(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString()) ?? -1
  }
  setBytes(buf: Uint8Array, from: number, to: number, line: number): void {
    this.text.set(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString(), line)
  }
  getPhone(phone: number | string): number {
    return (typeof phone === 'number' ? this.numbers.get(phone) : this.text.get(phone)) ?? -1
  }
  setPhone(phone: number | string, line: number): void {
    if (typeof phone === 'number') this.numbers.set(phone, line)
    else this.text.set(phone, line)
  }
  clear(): void {
    this.text.clear()
    this.numbers.clear()
  }
}
