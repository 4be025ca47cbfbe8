import type { z } from 'zod'
import type { AppError } from '../errors'
import type { channels } from './channels'
import type { ChannelSpec, EventSpec } from './define'
import type { events } from './events'

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type EventName = keyof typeof events

type SpecInput<S> = S extends ChannelSpec<infer I, unknown> ? I : never
type SpecOutput<S> = S extends ChannelSpec<z.ZodType, infer O> ? O : never

/** What the renderer passes (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<SpecInput<Channels[C]>>
/** What a handler receives after main parsed the input. */
export type ChannelParsedInput<C extends ChannelName> = z.output<SpecInput<Channels[C]>>
export type ChannelOutput<C extends ChannelName> = SpecOutput<Channels[C]>
export type EventPayload<E extends EventName> =
  (typeof events)[E] extends EventSpec<infer P> ? P : never

/** Every invoke resolves to this envelope; errors are values, never thrown across IPC. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** The one object the preload (or the browser bridge) puts on `window.pc`. */
export interface PcBridge {
  invoke<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<InvokeResult<ChannelOutput<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
