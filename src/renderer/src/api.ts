import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
  PcBridge,
} from '../../shared/contract/types'
import type { AppError } from '../../shared/errors'

declare global {
  interface Window {
    pc: PcBridge
  }
}

/** A failed call, carrying main's typed error so views can show its message and code. */
export class ApiError extends Error {
  readonly code: AppError['code']
  readonly details: AppError['details']
  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.details = error.details
  }
}

/** The renderer's only way to reach main; stores call this, views never touch window.pc. */
export async function invoke<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await window.pc.invoke(channel, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return window.pc.on(event, listener)
}
