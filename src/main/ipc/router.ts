import { channels } from '../../shared/contract/channels'
import type {
  ChannelName,
  ChannelOutput,
  ChannelParsedInput,
  InvokeResult,
} from '../../shared/contract/types'
import { AppFailure, type AppError } from '../../shared/errors'
import type { Logger } from '../log/logger'

/** Who is calling: hosts fill this in after they have checked the sender. */
export interface CallContext {
  host: 'electron' | 'browser'
  /** A host-specific id for the window or socket, for logs and cancellation. */
  senderId: string
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type Handlers = { [C in ChannelName]: Handler<C> }

export interface Router {
  /** Never throws: every outcome, including garbage in, is an `InvokeResult`. */
  dispatch(channel: unknown, input: unknown, ctx: CallContext): Promise<InvokeResult<unknown>>
}

function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value)
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`)
    .join('; ')
}

/**
 * The single door into main. Both hosts (Electron IPC and the browser host's WebSocket)
 * call `dispatch`; it rejects unknown channels, parses input with the contract's schema
 * and turns every failure into the typed error shape.
 */
export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async dispatch(channel, input, ctx) {
      if (!isChannelName(channel)) {
        log.warn('rejected unknown channel', { sender: ctx.senderId })
        return fail({
          code: 'UNKNOWN_CHANNEL',
          message: 'The console asked for something it does not know. Reload the window.',
        })
      }
      const parsed = channels[channel].input.safeParse(input)
      if (!parsed.success) {
        log.warn('rejected malformed input', { channel, sender: ctx.senderId })
        return fail({
          code: 'INVALID_INPUT',
          message: 'Some of the entered values are not valid. Check the form and try again.',
          details: { issues: describeIssues(parsed.error.issues) },
        })
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>
        const value = await handler(parsed.data as never, ctx)
        return { ok: true, value }
      } catch (err) {
        if (err instanceof AppFailure) return fail(err.appError)
        log.error('handler failed', { channel, error: err })
        return fail({
          code: 'INTERNAL',
          message:
            'Something went wrong inside the console. Try again; if it repeats, see Activity.',
        })
      }
    },
  }
}

function fail(error: AppError): InvokeResult<never> {
  return { ok: false, error }
}
