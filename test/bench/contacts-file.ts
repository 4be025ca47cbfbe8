import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { ColumnMapping } from '../../src/shared/import'

/**
 * The bench's generated CRM export, shared by the import benches and the test that checks
 * the fast validation against the reference path on a smaller copy.
 */
export const HEADER = 'email,phone,first_name,last_name,birthday,gender,email_bulk'
export const mapping: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'phone' },
  { kind: 'field', field: 'first_name' },
  { kind: 'field', field: 'last_name' },
  { kind: 'field', field: 'birthday' },
  { kind: 'field', field: 'gender' },
  { kind: 'field', field: 'email_bulk' },
]

/**
 * A CRM export as marketers bring them: mixed phone and date formats, some quoted names,
 * about 1.5% bad emails, 1% bad phones, 0.5% rows with neither, 1% unknown genders and
 * impossible dates (warnings), and 2% repeats of an earlier contact (other case).
 */
export async function writeContacts(path: string, rows: number): Promise<void> {
  let seed = 7
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const first = ['Anna', 'Ivan', 'Мария', 'Олег', 'Ayşe', 'John', 'Zoë', 'Пётр', 'Elif', 'Sam']
  const last = ['Petrov', 'Смирнова', 'Yılmaz', 'Smith', '"Smith, Jr"', 'Öztürk', 'Lee', 'Ким']
  const domains = ['example.com', 'mail.example.ru', 'example.com.tr', 'shop.example.org']
  const operators = [903, 916, 926, 977, 985]
  const emailOf = (i: number): string => `user.${i}@${domains[i % domains.length]}`
  const out = createWriteStream(path)
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write(HEADER + '\n')
  let buf: string[] = []
  for (let i = 0; i < rows; i++) {
    const r = rnd()
    const dup = i > 1000 && r < 0.02
    let email = dup ? emailOf(i - 1000).toUpperCase() : emailOf(i)
    if (r >= 0.02 && r < 0.035) email = `user.${i}.at.example.com`
    else if (r >= 0.035 && r < 0.04) email = ''
    else if (i % 7 === 0) email = ` Mailto:${email[0]?.toUpperCase()}${email.slice(1)}`
    const n = String(1_000_000 + (i % 9_000_000)).padStart(7, '0')
    const op = operators[i % operators.length]
    const phoneFormats = [
      `+7 ${op} ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
      `8 (${op}) ${n.slice(0, 3)}-${n.slice(3)}`,
      `7${op}${n}`,
      '',
    ]
    let phone = r >= 0.035 && r < 0.04 ? '' : pick(phoneFormats)
    if (r >= 0.04 && r < 0.05) phone = `12-${n.slice(0, 3)}`
    const y = 1950 + (i % 55)
    const m = 1 + (i % 12)
    const d = 1 + (i % 28)
    const mm = String(m).padStart(2, '0')
    const dd = String(d).padStart(2, '0')
    let birthday = pick([`${y}-${mm}-${dd}`, `${dd}.${mm}.${y}`, ''])
    if (r >= 0.05 && r < 0.055) birthday = `31.02.${y}`
    const gender = r >= 0.055 && r < 0.06 ? 'n/a' : pick(['m', 'f', 'ж', 'м', 'F', ''])
    const flag = pick(['yes', 'no', 'да', 'нет', '1', '0', 'true', ''])
    buf.push(`${email},${phone},${pick(first)},${pick(last)},${birthday},${gender},${flag}`)
    if (buf.length === 10_000) {
      await write(buf.join('\n') + '\n')
      buf = []
    }
  }
  if (buf.length) await write(buf.join('\n') + '\n')
  out.end()
  await once(out, 'finish')
}
