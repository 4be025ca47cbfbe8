import { describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES } from '../../../src/shared/sends'
import { normaliseEmail, normalisePhone } from '../../../src/shared/contacts'
import { checkSend, maskEmail, maskPhone } from '../../../src/shared/sends-validate'

const base = { route: 'transact' as const, code: 'welcome', email: 'anna@example.com' }
const reasons = (draft: Parameters<typeof checkSend>[0]) =>
  checkSend(draft, 'RU').issues.map((i) => `${i.field}.${i.reason}`)

describe('checkSend', () => {
  it('accepts a valid send and normalises the recipient', () => {
    const { issues, send } = checkSend(
      { ...base, email: ' Anna@Example.COM ', phone: '+7 (912) 345-67-89', variables: { a: 1 } },
      'RU',
    )
    expect(issues).toEqual([])
    expect(send).toMatchObject({
      // Lower-cased whole, as the import keys contacts (shared/contacts.ts).
      email: 'anna@example.com',
      phone: '79123456789',
      variables: { a: 1 },
    })
  })

  it('refuses an empty campaign code', () => {
    expect(reasons({ ...base, code: '  ' })).toEqual(['code.empty'])
  })

  it('refuses a send without a recipient', () => {
    expect(reasons({ route: 'transact', code: 'x' })).toEqual(['recipient.empty'])
    expect(reasons({ route: 'sms', code: 'x', email: 'a@b.co' })).toEqual(['phone.empty'])
  })

  it('refuses bad emails and phones', () => {
    expect(reasons({ ...base, email: 'anna@' })).toEqual(['email.invalid'])
    expect(reasons({ ...base, email: 'anna example.com' })).toEqual(['email.invalid'])
    expect(reasons({ ...base, email: undefined, phone: '12' })).toEqual(['phone.invalid'])
  })

  it('refuses variables that are not an object, or values that are not text or numbers', () => {
    expect(reasons({ ...base, variables: [1, 2] })).toEqual(['variables.notObject'])
    expect(reasons({ ...base, variables: 'name=Anna' })).toEqual(['variables.notObject'])
    expect(reasons({ ...base, variables: { a: { b: 1 } } })).toEqual(['variables.badValue'])
    expect(reasons({ ...base, variables: { 'a[b]': '1' } })).toEqual(['variables.badKey'])
  })

  it('refuses attachments over the limits, and on SMS', () => {
    const file = (size: number) => ({ fileId: crypto.randomUUID(), name: 'f.pdf', size })
    expect(reasons({ ...base, attachments: Array.from({ length: 11 }, () => file(1)) })).toEqual([
      'attachments.tooMany',
    ])
    expect(reasons({ ...base, attachments: [file(MAX_ATTACHMENT_BYTES), file(1)] })).toEqual([
      'attachments.tooLarge',
    ])
    expect(
      reasons({ route: 'sms', code: 'x', phone: '+79123456789', attachments: [file(1)] }),
    ).toEqual(['attachments.notAllowed'])
  })
})

describe('normalisation and masking', () => {
  it('normalises phones to digits with the country code, using the shop country', () => {
    expect(normalisePhone('8 912 345 67 89', 'RU')).toBe('79123456789')
    expect(normalisePhone('(201) 555-0123', 'US')).toBe('12015550123')
    expect(normalisePhone('hello', 'US')).toBeNull()
    expect(normaliseEmail('a@b')).toBeNull()
  })

  it('masks recipients so they can be recognised but not copied', () => {
    expect(maskEmail('anna.smith@example.com')).toBe('a***@e***.com')
    expect(maskPhone('79123456789')).toBe('79*******89')
    expect(maskEmail('anna.smith@example.com')).not.toContain('smith')
  })
})
