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
 * Failures that services raise in their own words, by key, in English: the text main logs
 * and the renderer's English catalogue (`errors.messages`, which is this object). Other
 * languages' catalogues are typed against it, so a key cannot be added here and
 * forgotten there. `{name}` placeholders are filled from the failure's `details`.
 */
export const failureMessages = {
  'link-outside':
    'This link goes outside PersonaClick, so the console will not open it. Copy it if you trust it.',
  'file-unreadable':
    'That file cannot be read. Check it still exists and is not open in another program.',
  'file-too-large': 'The file is too large.',
  'file-gone': 'That file is no longer available. Choose it again.',
  'demo-shop-readonly': 'The Demo shop cannot be edited. Add your own shop instead.',
  'demo-shop-builtin': 'The Demo shop is built in and cannot be removed.',
  'shop-gone': 'This shop no longer exists. Refresh the list.',
  'secret-required': 'Enter the shop’s secret key.',
  'secret-missing': 'No secret key is stored for “{shop}”. Enter it in Settings › Shops.',
  'choose-shop': 'Choose a shop in Settings › Shops first.',
  'check-stopped': 'The file check stopped unexpectedly. Try again; if it repeats, see Activity.',
  'check-cancelled': 'The check was cancelled.',
  'check-interrupted': 'The check was interrupted. Start the import again.',
  'import-needs-email': 'Choose the column that holds the email.',
  'import-needs-identifier':
    'Choose the column that holds the email or the phone: every contact needs one.',
  'import-started': 'This import has already started.',
  'import-not-resumable': 'This import cannot be resumed.',
  'import-not-running': 'Only a running upload can be paused.',
  'import-running': 'Pause or cancel the import first.',
  'import-gone': 'That import is no longer in the history.',
  'message-code-required': 'Enter a message code.',
  'send-gone': 'That send is not in the log any more.',
  'bulk-gone': 'That bulk send no longer exists.',
  'bulk-needs-recipient': 'Choose the column with the email or the phone number.',
  'bulk-sms-needs-phone': 'SMS campaigns need the phone number column.',
} as const

export type FailureKey = keyof typeof failureMessages
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
