import { z } from 'zod'

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
export const TOKEN_PARAM = 'token'
