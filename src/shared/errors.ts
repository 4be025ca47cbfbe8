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
 * Failures that services raise in their own words, by key. Main writes the English text
 * (logs and fallback); the renderer shows `errors.messages.<key>` from its catalogue, in
 * the marketer's language, with `details` as the named parameters. The catalogues are
 * typed against this list, so a key cannot be added here and forgotten there.
 */
export const failureKeys = [
  'link-outside',
  'file-unreadable',
  'file-too-large',
  'file-gone',
  'demo-shop-readonly',
  'demo-shop-builtin',
  'shop-gone',
  'secret-required',
  'secret-missing',
  'choose-shop',
  'check-stopped',
  'check-cancelled',
  'check-interrupted',
  'import-needs-email',
  'import-needs-identifier',
  'import-started',
  'import-not-resumable',
  'import-not-running',
  'import-running',
  'import-gone',
  'message-code-required',
  'send-gone',
  'bulk-gone',
  'bulk-needs-recipient',
  'bulk-sms-needs-phone',
] as const

export type FailureKey = (typeof failureKeys)[number]

/** An AppFailure the renderer can translate: `message` stays the English text. */
export function keyedFailure(
  code: ErrorCode,
  key: FailureKey,
  message: string,
  details: AppError['details'] = {},
): AppFailure {
  return new AppFailure(code, message, { ...details, messageKey: key })
}
