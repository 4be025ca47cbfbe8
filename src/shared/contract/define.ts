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

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never
/** One object type with every key of every member (not an intersection, for readable errors). */
type Merged<U> = { [K in keyof Intersection<U>]: Intersection<U>[K] }

/**
 * One object with the `part` ('channels' or 'events') of every domain. A name declared by
 * two domains throws when the contract loads: one of them would silently win otherwise.
 */
export function mergeDomains<
  const D extends readonly Record<'channels' | 'events', object>[],
  P extends 'channels' | 'events',
>(domains: D, part: P): Merged<D[number][P]> {
  const merged: Record<string, unknown> = {}
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain[part])) {
      if (Object.hasOwn(merged, name)) throw new Error(`The contract declares ${name} twice`)
      merged[name] = spec
    }
  }
  return merged as Merged<D[number][P]>
}
