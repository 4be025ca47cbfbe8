import type { z } from 'zod'

/**
 * A channel pairs the zod schema main parses its input with, and the type of its result.
 * The result type is a phantom (never a value) so that results stay plain data.
 */
export interface ChannelSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: only its type is used. */
  output?: O
}

export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input })

/** An event main pushes to the renderer; the payload type is a phantom too. */
export interface EventSpec<P> {
  payload?: P
}

export const event = <P>(): EventSpec<P> => ({})
