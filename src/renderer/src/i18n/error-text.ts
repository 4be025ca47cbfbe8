import {
  apiErrorCodes,
  transportErrorCodes,
  type AppError,
  type ErrorCode,
} from '../../../shared/errors'

/**
 * Codes whose text does not depend on where they were raised (the API and the network,
 * the router): the catalogue's `errors.<CODE>` says it in the marketer's language.
 */
const BY_CODE = new Set<ErrorCode>([
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  ...apiErrorCodes,
  ...transportErrorCodes,
])

type Translate = (key: string, named?: Record<string, unknown>) => string
type Has = (key: string) => boolean

/** What a failure looks like wherever it comes from: an ApiError, an AppError, a stored send. */
interface FailureLike {
  code?: string | null
  message?: string
  details?: AppError['details']
}

function asFailure(err: unknown): FailureLike {
  if (typeof err === 'string') return { message: err }
  if (err && typeof err === 'object') return err as FailureLike
  return { message: String(err) }
}

/**
 * A failure in the marketer's language: a service's own message by its key, a file
 * problem by its reason, an API or network failure by its code (with what PersonaClick
 * said, when it said something); otherwise main's English text as it is.
 */
export function errorText(err: unknown, t: Translate, te: Has): string {
  const e = asFailure(err)
  const details = e.details ?? {}
  const key = details.messageKey
  if (typeof key === 'string' && te(`errors.messages.${key}`))
    return t(`errors.messages.${key}`, details)
  const reason = details.reason
  if (typeof reason === 'string' && te(`files.problems.${reason}`))
    return t(`files.problems.${reason}`, details)
  const code = e.code as ErrorCode | undefined
  if (code && (BY_CODE.has(code) || (code === 'INVALID_INPUT' && 'issues' in details))) {
    const text = t(`errors.${code}`)
    // PersonaClick's own reason ("Missing required parameter: code") helps fix a request;
    // an unexpected answer's body (an HTML error page) would not.
    const said = code === 'API_UNEXPECTED_RESPONSE' ? null : details.apiMessage
    return typeof said === 'string' && said.trim()
      ? `${text} ${t('errors.apiSaid', { message: said.trim().slice(0, 300) })}`
      : text
  }
  return e.message ?? t('errors.INTERNAL')
}

/** A failed send as the log keeps it, in the shape `errorText` reads. */
export function sendFailure(e: {
  errorCode?: string
  error?: string
  apiMessage?: string
  errorKey?: string
}): FailureLike {
  return {
    code: e.errorCode ?? null,
    message: e.error ?? '',
    details: {
      ...(e.apiMessage ? { apiMessage: e.apiMessage } : {}),
      ...(e.errorKey ? { messageKey: e.errorKey } : {}),
    },
  }
}
