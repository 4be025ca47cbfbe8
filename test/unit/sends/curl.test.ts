import { describe, expect, it } from 'vitest'
import { buildCurl, SECRET_PLACEHOLDER } from '../../../src/main/services/sends/curl'
import type { NormalisedSend } from '../../../src/shared/sends-validate'

const send: NormalisedSend = {
  route: 'transact',
  code: 'order_created',
  email: 'anna@example.com',
  variables: { name: "O'Brien", total: 12.5 },
  sendEverywhere: false,
  attachments: [],
}

describe('buildCurl', () => {
  it('builds a JSON request with the secret replaced by a placeholder', () => {
    const curl = buildCurl(send, 'https://api.personaclick.com', 'SHOP1')
    expect(curl).toContain("curl --request POST 'https://api.personaclick.com/transact'")
    expect(curl).toContain(`"shop_secret":"${SECRET_PLACEHOLDER}"`)
    expect(curl).toContain('"shop_id":"SHOP1"')
    // The quote in the value survives shell quoting.
    expect(curl).toContain(`O'\\''Brien`)
  })

  it('never contains the real secret, for SMS and multipart too', () => {
    const secret = 'super-secret-123'
    for (const s of [
      { ...send, route: 'sms' as const, phone: '79123456789' },
      { ...send, attachments: [{ fileId: 'x', name: 'invoice.pdf', size: 3 }] },
    ]) {
      const curl = buildCurl(s, 'http://127.0.0.1:4010', 'SHOP1')
      expect(curl).not.toContain(secret)
      expect(curl).toContain(SECRET_PLACEHOLDER)
    }
    const multipart = buildCurl(
      { ...send, attachments: [{ fileId: 'x', name: 'invoice.pdf', size: 3 }] },
      'https://api.personaclick.com',
      'SHOP1',
    )
    expect(multipart).toContain(`--form 'file_name=@"invoice.pdf"'`)
    expect(multipart).toContain(`--form-string 'variables[total]=12.5'`)
    expect(multipart).toContain(`--form-string 'shop_secret=${SECRET_PLACEHOLDER}'`)
  })
})
