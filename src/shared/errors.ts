import { linkFailures } from './failures/external-links'
import { fileFailures } from './failures/files'
import { importFailures } from './failures/import'
import { jobFailures } from './failures/jobs'
import { segmentFailures } from './failures/segments'
import { productFailures } from './failures/products'
import { notificationsFailures } from './failures/notifications'
import { sendFailures } from './failures/sends'
import { promoFailures } from './failures/promo-codes'
import { shopFailures } from './failures/shops'
import { connectionFailures } from './failures/web-protocol'

/**
 * The one error shape that crosses the process boundary. `message` is written for a
 * marketer (what happened and what to do next); the renderer may replace it with the
 * translated text for `code`. `details` never carries secrets: it is built from
 * redacted data only.
 */
/** One per documented status code of the PersonaClick API. */
export const apiErrorCodes = [
  'API_BAD_REQUEST',
  'API_WRONG_SHOP_ID',
  'API_WRONG_SECRET',
  'API_NOT_FOUND',
  'API_METHOD_NOT_ALLOWED',
  'API_NOT_ACCEPTABLE',
  'API_RATE_LIMITED',
  'API_SERVER_ERROR',
  'API_UNAVAILABLE',
  'API_UNEXPECTED_RESPONSE',
] as const

/** The network between the console and PersonaClick. */
export const transportErrorCodes = [
  'NETWORK_UNREACHABLE',
  'TLS_ERROR',
  'TIMEOUT',
  'OUTCOME_UNKNOWN',
] as const

export const errorCodes = [
  // contract / router
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'CANCELLED',
  ...apiErrorCodes,
  ...transportErrorCodes,
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface AppError {
  code: ErrorCode
  message: string
  details?: Record<string, string | number | boolean | null>
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  )
}

/** An `Error` that carries an `AppError`, thrown by services and caught by the router. */
export class AppFailure extends Error {
  readonly appError: AppError
  constructor(code: ErrorCode, message: string, details?: AppError['details']) {
    super(message)
    this.name = 'AppFailure'
    this.appError = details ? { code, message, details } : { code, message }
  }
}

/**
 * The API client's own failures: a successful answer it cannot read (the shapes it knows are
 * in main/api/answers.ts). The Russian is in `i18n/api.ru.ts`.
 */
export const apiFailures = {
  'answer-unknown':
    'PersonaClick answered in a shape the console does not know. Try again later; if it repeats, send the details from Activity to support.',
  'send-answer-unknown':
    'PersonaClick accepted the request but answered in a shape the console does not know, so it cannot tell whether the message was sent. Check the notification history before sending it again; if it repeats, send the details from Activity to support.',
  'answer-error':
    'PersonaClick answered with an error: “{apiMessage}”. Fix what it says, or try again later.',
  'answer-too-large':
    'PersonaClick’s answer is larger than the console reads for this request ({limitMb} MB), so it stopped reading. Ask for less at once (a shorter period, fewer items) and try again.',
  'send-answer-error':
    'PersonaClick answered with an error: “{apiMessage}”, but not in a way that says whether the message was sent. Check the notification history before sending it again.',
} as const

/**
 * Failures that services raise in their own words, by key, in English: the text main logs
 * and the renderer's English catalogue (`errors.messages`, which is this object). Each
 * domain keeps its own list (`shared/failures/<domain>.ts`, re-exported beside its types
 * by `shared/<domain>.ts`; apart from the types' schemas so the import's threads can raise
 * failures without loading zod); this gathers them, so
 * `keyedFailure` accepts exactly the keys some domain words, and other languages'
 * catalogues (typed against this) cannot miss one. `{name}` placeholders are filled from
 * the failure's `details`.
 */
export const failureDomains = {
  api: apiFailures,
  links: linkFailures,
  shops: shopFailures,
  files: fileFailures,
  import: importFailures,
  sends: sendFailures,
  segments: segmentFailures,
  promoCodes: promoFailures,
  notifications: notificationsFailures,
  jobs: jobFailures,
  products: productFailures,
  connection: connectionFailures,
} as const

type Domains = typeof failureDomains
export type FailureKey = { [D in keyof Domains]: keyof Domains[D] }[keyof Domains]

export const failureMessages: Readonly<Record<FailureKey, string>> = Object.assign(
  {},
  ...Object.values(failureDomains),
)
export const failureKeys = Object.keys(failureMessages) as FailureKey[]

/** An AppFailure the renderer can translate by its key; `message` is the English text. */
export function keyedFailure(
  code: ErrorCode,
  key: FailureKey,
  details: AppError['details'] = {},
): AppFailure {
  const message = failureMessages[key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(details[name] ?? ''),
  )
  return new AppFailure(code, message, { ...details, messageKey: key })
}
