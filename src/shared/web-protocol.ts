import { z } from 'zod'
export { connectionFailures } from './failures/web-protocol'

/**
 * The browser host's wire format over its WebSocket. It carries the same contract as
 * Electron IPC: `invoke` requests answered by `result`, and pushed `event`s.
 */
export const webRequestSchema = z
  .object({
    id: z.number().int().nonnegative(),
    type: z.literal('invoke'),
    channel: z.string().max(100),
    input: z.unknown().optional(),
  })
  .strict()
export type WebRequest = z.infer<typeof webRequestSchema>

export type WebResponse =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'rejected'; reason: string }

export const WS_PATH = '/ws'
/** 204 when the page's session cookie is live, 401 when it is not (nothing else). */
export const SESSION_PATH = '/session'

/**
 * The largest message either side sends over the socket. Larger inputs (attachments,
 * files) go through the file intake instead; the bridge refuses a bigger request before
 * sending it, and the host closes a socket that sends one anyway (status 1009).
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024
/** The WebSocket close status for a message over the limit (RFC 6455, 7.4.1). */
export const CLOSE_TOO_BIG = 1009
