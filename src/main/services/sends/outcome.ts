import { AppFailure } from '../../../shared/errors'
import type { SendStatus } from '../../../shared/sends'

export interface SendFailure {
  status: Exclude<SendStatus, 'sent'>
  errorCode: string
  error: string
  /** PersonaClick's own reason ("Campaign not found"), kept so the log can show it. */
  apiMessage?: string
  /** The failure's key, when a service worded it (see shared/errors `keyedFailure`). */
  errorKey?: string
}

/**
 * What a failed send means for the customer. `unknown` whenever the message may have gone
 * out: no answer after the request left (OUTCOME_UNKNOWN), or a 5xx the server may have
 * hit after queueing the message. Those are never resent automatically; the marketer
 * checks the notification history instead. Everything else provably did not send.
 */
export function classifySendError(err: unknown): SendFailure {
  if (err instanceof AppFailure) {
    const { code, message, details } = err.appError
    const maybe = code === 'OUTCOME_UNKNOWN' || details?.mayHaveBeenProcessed === true
    const said = typeof details?.apiMessage === 'string' ? details.apiMessage.trim() : ''
    const key = details?.messageKey
    return {
      status: maybe ? 'unknown' : 'failed',
      errorCode: code,
      error: message,
      ...(said ? { apiMessage: said.slice(0, 300) } : {}),
      ...(typeof key === 'string' ? { errorKey: key } : {}),
    }
  }
  // A bug of ours before or around the request: we cannot tell whether it left.
  return {
    status: 'unknown',
    errorCode: 'INTERNAL',
    error: err instanceof Error ? err.message : String(err),
  }
}
