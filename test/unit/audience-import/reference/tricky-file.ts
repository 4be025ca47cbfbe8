import type { ColumnMapping } from '../../../../src/shared/import'

/**
 * A seeded file of the cells marketers' exports really hold and the edges of every rule:
 * emails with Unicode, quotes, `mailto:`, several `@`, long labels; phones in every
 * national and international shape, with extensions, letters and other countries; dates on
 * leap days, before 1900, in the future and with times; ints with separators; bool,
 * gender and platform words; quoted fields with delimiters, doubled quotes and line
 * breaks; blank rows; mixed line ends; ragged rows. Contacts repeat (other case, other
 * shapes) so both duplicate rules, shared phones and phone-only rows are exercised.
 */

export const trickyMapping: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'phone' },
  { kind: 'field', field: 'first_name' },
  { kind: 'field', field: 'birthday' },
  { kind: 'field', field: 'gender' },
  { kind: 'field', field: 'loyalty_bonuses' },
  { kind: 'field', field: 'email_bulk' },
  { kind: 'field', field: 'mobile_token_platform' },
  { kind: 'ignore' },
  { kind: 'custom', key: 'colour' },
]

const EMAILS = [
  'anna@example.com',
  'Anna@Example.COM',
  ' mailto:Boris@example.ru ',
  'MAILTO:vera@example.com.tr',
  'ivan.petrov+promo@mail.example.ru',
  'ivan..petrov@example.com',
  '.ivan@example.com',
  'ivan.@example.com',
  'олег@пример.рф',
  'oleg@пример.рф',
  'zoë@example.com',
  'ayşe@örnek.com.tr',
  '"quoted user"@example.com',
  '"a\\"b"@example.com',
  'a@b',
  'a@b.c',
  'a@b.co',
  'a@b.c0m',
  'a@123.com',
  'a@example.123',
  'a@-example.com',
  'a@example-.com',
  'a@exa_mple.com',
  'a_b@example.com',
  'a@xn--80ak6aa92e.com',
  'a@example.xn--p1ai',
  'a@b@example.com',
  'user@[127.0.0.1]',
  "o'brien@example.ie",
  'a/b=c?d^e`f{g|h}i~j!k#l$m%n&o*p@example.com',
  'x'.repeat(64) + '@example.com',
  'x'.repeat(65) + '@example.com',
  'y@' + 'd'.repeat(63) + '.com',
  'y@' + 'd'.repeat(64) + '.com',
  'z@' + 'label.'.repeat(41) + 'com',
  'z@' + 'label.'.repeat(42) + 'com',
  'a@example.c' + 'o'.repeat(62),
  'a@example.c' + 'o'.repeat(63),
  'a@example.ｃｏｍ',
  'ａ@example.com',
  'tab\t@example.com',
  'a@exa mple.com',
  'İstanbul@example.com',
  'KELVIN\u212A@example.com',
  'user@example.com.',
  '@example.com',
  'user@',
  'plain text',
  'user.1@example.com',
  'user.2@example.com',
  'USER.2@EXAMPLE.COM',
  'user.3@shop.example.org',
  '\uFFFE@example.com',
  'a@\uD800.com',
]

const PHONES = [
  '+7 916 123-45-67',
  '+7 (916) 123-45-67',
  '8 (916) 123-4567',
  '8 916 123 45 67',
  '79161234567',
  '89161234567',
  '9161234567',
  '+79161234567',
  '007 916 123 45 67',
  '+7 916 123-45-68',
  '+7 916 123-45-6',
  '+7 916 123-45-678',
  '+7 800 555-35-35',
  '8 800 555 35 35',
  '+7 495 123-45-67',
  '+7 701 123 45 67',
  '+7 727 123 45 67',
  '+7 (916) 123-45-67 доб. 12',
  '+7 916 123-45-67 ext. 5',
  '+7 916 123-45-67#5',
  '+7 916 CALL-NOW',
  'tel:+7-916-123-45-67',
  '+90 532 123 45 67',
  '0532 123 45 67',
  '+1 (201) 555-0123',
  '+1 201 555 0123',
  '+44 20 7946 0958',
  '0044 20 7946 0958',
  '+49 30 123456',
  '+380 44 123 4567',
  '+375 29 123-45-67',
  '+998 90 123 45 67',
  '+86 138 0013 8000',
  '+999 123 456',
  '+0 123',
  '12-345',
  '123',
  '+',
  '++7 916 123 45 67',
  '+7 916 123 45 67 +7 916 123 45 68',
  '(916) 123-45-67',
  '+7.916.123.45.67',
  '+7/916/1234567',
  '７９１６１２３４５６７',
  '+7 ９１６ 123 45 67',
  '+7 916 123 45 67 (mobile)',
  'call +7 916 123 45 67',
  '+7\u00a0916\u00a0123\u201145\u201167',
  '+79031000001',
  '+79031000002',
  '+7 903 100-00-03',
  '8 (903) 100-0004',
  '79031000005',
  '+7 903 100-00-01',
]

const DATES = [
  '1990-05-07',
  '07.05.1990',
  '05/07/1990',
  '31/12/1990',
  '12/31/1990',
  '1990-02-30',
  '29.02.2000',
  '29.02.1900',
  '29.02.2024',
  '29.02.2023',
  '2000-02-29',
  '1899-12-31',
  '1900-01-01',
  '0050-01-01',
  '0000-01-01',
  '0099-12-31',
  '0100-03-01',
  '1990-5-7',
  '1990/05/07',
  '1990.05.07',
  '1990-05-07T10:00:00Z',
  '1990-05-07 10:00',
  '07.05.1990 10:00',
  '07-05-1990',
  '1990-13-01',
  '1990-00-10',
  '1990-01-00',
  '1990-01-32',
  '32.01.1990',
  '3000-01-01',
  '2100-01-01',
  '9999-12-31',
  '1.1.2000',
  '01.01.20',
  'yesterday',
  '1990-05-07x',
  ' 07.05.1990 ',
]

const GENDERS = ['m', 'f', 'M', 'F.', 'ж', 'муж.', 'Kadın', 'erkek', 'n/a', 'x', 'Female', ' male ']
const INTS = [
  '1 500,00',
  '1500',
  "1'500",
  '1\u00a0500',
  '-5',
  '12.50',
  '9007199254740993',
  '0',
  'abc',
]
const BOOLS = ['yes', 'no', 'да', 'Нет', '1', '0', 'TRUE', 'evet', 'hayır', 'maybe', '+', '-', 'x']
const PLATFORMS = ['ios', 'Android', 'APNS', 'fcm', 'windows', 'apple']
const NAMES = [
  'Anna',
  'Мария',
  'Ayşe',
  'Smith, Jr',
  'say "hi"',
  'two\nlines',
  'cr\rhere',
  ' padded ',
  '=1+2',
  '',
]

/** Writes `rows` seeded tricky rows with `delimiter`; the first line may be `sep=`. */
export function trickyCsv(rows: number, delimiter: ',' | ';' | '\t', sepLine = false): string {
  let seed = 42
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const maybe = (p: number, s: string): string => (rnd() < p ? s : '')
  const quote = (s: string): string =>
    s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || rnd() < 0.05
      ? `"${s.replace(/"/g, '""')}"`
      : s
  const ends = ['\n', '\r\n', '\n', '\r']
  let out = sepLine ? `sep=${delimiter}\n` : ''
  out +=
    [
      'Email',
      'Phone',
      'Name',
      'Birthday',
      'Gender',
      'Bonuses',
      'News',
      'Platform',
      'Skip',
      'Colour',
    ].join(delimiter) + '\n'
  for (let i = 0; i < rows; i++) {
    const r = rnd()
    if (r < 0.01) {
      out += pick(['', delimiter.repeat(9), ' ' + delimiter + ' ']) + pick(ends)
      continue
    }
    // Some contacts come back: a generated address of an earlier row or a listed one.
    const email =
      r < 0.5
        ? `user.${Math.floor(rnd() * (i + 1))}@example.com`
        : r < 0.8
          ? pick(EMAILS)
          : maybe(0.3, pick(EMAILS))
    const phone =
      r < 0.3
        ? `+7 903 ${String(1_000_000 + Math.floor(rnd() * (i + 1))).slice(0, 3)}-${String(
            Math.floor(rnd() * 10_000),
          ).padStart(4, '0')}`
        : maybe(0.8, pick(PHONES))
    const cells = [
      email,
      phone,
      pick(NAMES),
      maybe(0.7, pick(DATES)),
      maybe(0.7, pick(GENDERS)),
      maybe(0.5, pick(INTS)),
      maybe(0.6, pick(BOOLS)),
      maybe(0.3, pick(PLATFORMS)),
      'ignored',
      maybe(0.5, pick(['red', 'синий', ' mavi ', ''])),
    ]
    // Ragged rows: a short one now and then, or one with an extra cell.
    const n = rnd() < 0.03 ? 1 + Math.floor(rnd() * 9) : rnd() < 0.02 ? 11 : 10
    const row = Array.from({ length: n }, (_, c) => quote(cells[c] ?? 'extra'))
    out += row.join(delimiter) + pick(ends)
  }
  return out
}
