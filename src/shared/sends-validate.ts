import { normaliseEmail, normalisePhone } from './contacts'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type SendDraft, type SendRoute } from './sends'

/**
 * Checks a send before anything goes on the wire. Runs in the renderer (early feedback as
 * the marketer types) and again in main (the only check that counts).
 */
export type SendIssueField =
  'code' | 'recipient' | 'email' | 'phone' | 'variables' | 'attachments' | 'row'
export type SendIssueReason =
  | 'empty'
  | 'invalid'
  | 'notObject'
  | 'badValue'
  | 'badKey'
  | 'tooMany'
  | 'tooLarge'
  | 'notAllowed'
  | 'undecodable'

export interface SendIssue {
  field: SendIssueField
  reason: SendIssueReason
  /** The offending variable key, when there is one. */
  key?: string
}

export type Variables = Record<string, string | number>

export interface NormalisedSend {
  route: SendRoute
  code: string
  email?: string
  phone?: string
  variables: Variables
  sendEverywhere: boolean
  attachments: { fileId: string; name: string; size: number }[]
}

/** Variables must be a plain object of string or number values. */
export function checkVariables(value: unknown): { issues: SendIssue[]; variables: Variables } {
  if (value === undefined || value === null) return { issues: [], variables: {} }
  if (typeof value !== 'object' || Array.isArray(value))
    return { issues: [{ field: 'variables', reason: 'notObject' }], variables: {} }
  const issues: SendIssue[] = []
  const variables: Variables = {}
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!key.trim() || key.length > 100 || /[[\]]/.test(key)) {
      // Brackets would break the multipart variables[KEY] field names.
      issues.push({ field: 'variables', reason: 'badKey', key })
    } else if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) {
      variables[key] = v
    } else issues.push({ field: 'variables', reason: 'badValue', key })
  }
  return { issues, variables }
}

export function checkSend(
  draft: SendDraft,
  defaultCountry: string,
): { issues: SendIssue[]; send: NormalisedSend | null } {
  const issues: SendIssue[] = []
  const code = draft.code.trim()
  if (!code) issues.push({ field: 'code', reason: 'empty' })

  const rawEmail = draft.route === 'transact' ? (draft.email ?? '').trim() : ''
  const rawPhone = (draft.phone ?? '').trim()
  let email: string | undefined
  let phone: string | undefined
  if (rawEmail) {
    email = normaliseEmail(rawEmail) ?? undefined
    if (!email) issues.push({ field: 'email', reason: 'invalid' })
  }
  if (rawPhone) {
    phone = normalisePhone(rawPhone, defaultCountry) ?? undefined
    if (!phone) issues.push({ field: 'phone', reason: 'invalid' })
  }
  if (!rawEmail && !rawPhone)
    issues.push({ field: draft.route === 'sms' ? 'phone' : 'recipient', reason: 'empty' })

  const vars = checkVariables(draft.variables)
  issues.push(...vars.issues)

  const attachments = draft.attachments ?? []
  if (attachments.length > 0 && draft.route !== 'transact')
    issues.push({ field: 'attachments', reason: 'notAllowed' })
  issues.push(...checkAttachmentLimits(attachments.map((a) => a.size)))

  if (issues.length > 0) return { issues, send: null }
  return {
    issues,
    send: {
      route: draft.route,
      code,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      variables: vars.variables,
      sendEverywhere: draft.route === 'transact' && (draft.sendEverywhere ?? false),
      attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name, size: a.size })),
    },
  }
}

export function checkAttachmentLimits(sizes: readonly number[]): SendIssue[] {
  const out: SendIssue[] = []
  if (sizes.length > MAX_ATTACHMENTS) out.push({ field: 'attachments', reason: 'tooMany' })
  if (sizes.reduce((a, b) => a + b, 0) > MAX_ATTACHMENT_BYTES)
    out.push({ field: 'attachments', reason: 'tooLarge' })
  return out
}

/** English text for main's errors (the renderer translates by field and reason). */
export function describeIssue(issue: SendIssue): string {
  const key = issue.key ? ` "${issue.key}"` : ''
  switch (`${issue.field}.${issue.reason}`) {
    case 'code.empty':
      return 'Enter the campaign code.'
    case 'recipient.empty':
      return 'Enter an email or a phone number.'
    case 'phone.empty':
      return 'Enter a phone number.'
    case 'email.invalid':
      return 'The email address is not valid.'
    case 'phone.invalid':
      return 'The phone number is not valid; include the country code.'
    case 'variables.notObject':
      return 'Variables must be an object of names and values, like {"name": "Anna"}.'
    case 'variables.badValue':
      return `Variable${key} must be text or a number.`
    case 'variables.badKey':
      return `Variable name${key} is empty, too long or contains [ ].`
    case 'attachments.tooMany':
      return `Attach at most ${MAX_ATTACHMENTS} files.`
    case 'attachments.tooLarge':
      return 'Attachments may total at most 10 MB.'
    case 'attachments.notAllowed':
      return 'Attachments can only be sent with multi-channel campaigns.'
    case 'row.undecodable':
      return "The row has bytes that are not valid in the file's encoding, so its text would arrive garbled; save the file in one encoding (UTF-8 is best)."
    default:
      return 'Check the form.'
  }
}

/** "a***@e***.com": enough to recognise, not enough to copy. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  const domain = email.slice(at + 1)
  const dot = domain.lastIndexOf('.')
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${email[0]}***@${domain[0] ?? ''}***${tld}`
}

/** "79*******12": country prefix and the last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length)
  return phone.slice(0, 2) + '*'.repeat(phone.length - 4) + phone.slice(-2)
}
