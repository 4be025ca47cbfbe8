import type { ErrorCode } from '../../shared/errors'

/**
 * Marketer-facing text per error: what happened, then what to do next. The renderer may
 * swap `message` for a translation keyed by code; `nextStep` also travels in details so a
 * view can show it apart.
 */
export interface FailureText {
  what: string
  next: string
}

export const failureText: Partial<Record<ErrorCode, FailureText>> = {
  API_BAD_REQUEST: {
    what: 'PersonaClick refused the request as invalid.',
    next: 'Check the values you entered (the reason is in the details) and try again.',
  },
  API_WRONG_SHOP_ID: {
    what: 'PersonaClick does not recognise this shop ID.',
    next: "Check the shop ID in this shop's settings.",
  },
  API_WRONG_SECRET: {
    what: 'PersonaClick refused the secret key for this shop, or this action needs a key with more access.',
    next: "Re-enter the API secret key in this shop's settings.",
  },
  API_NOT_FOUND: {
    what: 'PersonaClick could not find what you asked for.',
    next: 'Check the ID, email or phone number and try again.',
  },
  API_METHOD_NOT_ALLOWED: {
    what: 'PersonaClick does not accept this action in this form.',
    next: 'Update the console; if it keeps happening, contact support.',
  },
  API_NOT_ACCEPTABLE: {
    what: 'PersonaClick could not answer in the format the console asked for.',
    next: 'Update the console; if it keeps happening, contact support.',
  },
  API_RATE_LIMITED: {
    what: 'PersonaClick is receiving too many requests from this shop.',
    next: "Wait a minute and try again, or lower the request rate in this shop's settings.",
  },
  API_SERVER_ERROR: {
    what: 'PersonaClick had a problem processing the request.',
    next: 'Try again later. If this was a send, check the message history before sending again.',
  },
  API_UNAVAILABLE: {
    what: 'PersonaClick is temporarily unavailable (probably maintenance).',
    next: 'Try again in a few minutes.',
  },
  API_UNEXPECTED_RESPONSE: {
    what: 'PersonaClick sent an answer the console does not understand.',
    next: "Check the API host in this shop's settings; if it is right, try again later.",
  },
  NETWORK_UNREACHABLE: {
    what: 'The console could not reach PersonaClick.',
    next: "Check your internet connection and the API host in this shop's settings.",
  },
  TLS_ERROR: {
    what: 'The secure connection to PersonaClick could not be verified.',
    next: 'Check the API host; a proxy or antivirus may be intercepting secure connections.',
  },
  TIMEOUT: {
    what: 'PersonaClick did not answer in time.',
    next: 'Try again; if it keeps happening, PersonaClick may be slow right now.',
  },
  OUTCOME_UNKNOWN: {
    what: 'The connection was lost after the request was sent, so it is not known whether PersonaClick processed it.',
    next: 'Check the message history before sending again; the console never resends on its own.',
  },
  CANCELLED: { what: 'The request was cancelled.', next: 'Start it again when you are ready.' },
  INVALID_INPUT: {
    what: 'The request is missing something PersonaClick needs.',
    next: 'Fill in the missing fields and try again.',
  },
}

export function textFor(code: ErrorCode): FailureText {
  return failureText[code] ?? { what: 'Something went wrong.', next: 'Try again.' }
}
