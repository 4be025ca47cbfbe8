import { channelNames } from '../shared/contract/channels'
import type { CsvChoice } from '../shared/csv-export'
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../shared/contract/types'
import type { ApiClient } from './api'
import type { EventBus } from './ipc/event-bus'
import type { Handler, Handlers } from './ipc/router'
import type { Logger } from './log/logger'
import type { CsvDialect } from './services/files/csv'
import type { FileRegistry } from './services/files/file-registry'
import type { ShopDirectory } from './services/shops/shop-directory'

/** An export's dialect: the marketer's language (settings) with the separator they chose. */
export type CsvDialects = (choice?: CsvChoice) => CsvDialect

/**
 * What every feature may use. A feature calls PersonaClick with `api.call(endpoint, shop)`,
 * naming the shop (`'active'` or `{ profileId }`); it learns a shop's defaults from
 * `shops.profile(shop)` and never sees a secret.
 */
export interface FeatureDeps {
  dataDir: string
  api: ApiClient
  shops: ShopDirectory
  files: FileRegistry
  events: EventBus
  log: Logger
  csvDialect: CsvDialects
}

/**
 * One screen's main-process half: a handler for each of its channels `C` (the events it
 * emits are declared beside those channels in the contract) and what to stop on quit.
 * Name the channels, e.g. `Feature<keyof typeof npsChannels>`, and the compiler insists
 * on a handler for each.
 */
export interface Feature<C extends ChannelName = never> {
  handlers: Pick<Handlers, C>
  dispose?(): Promise<void>
}

/** The method names of `S` that can serve channel `C` as they are. */
type MethodFor<S, C extends ChannelName> = {
  [K in keyof S]: S[K] extends (...args: infer P) => infer R
    ? // Tuples compare strictly: a method wanting more than the channel gives is refused.
      (P extends [] ? true : [ChannelParsedInput<C>] extends P ? true : false) extends true
      ? [Awaited<R>] extends [ChannelOutput<C>]
        ? K
        : never
      : never
    : never
}[keyof S]

/**
 * Handlers that only pass the parsed input to a service method and return its answer,
 * generated from a channel → method map (in the spirit of VS Code's ProxyChannel). The
 * compiler refuses a method whose parameter or result does not match its channel.
 *
 *   forward(nps, { 'nps:load': 'load', 'nps:reviews': 'reviews' })
 */
export function forward<S extends object, const M extends { [C in ChannelName]?: MethodFor<S, C> }>(
  service: S,
  methods: M,
): { [C in keyof M & ChannelName]: Handler<C> } {
  const handlers: Record<string, (input: unknown) => unknown> = {}
  for (const [channel, method] of Object.entries(methods) as [string, keyof S][]) {
    const run = service[method] as (input: unknown) => unknown
    handlers[channel] = (input) => run.call(service, input)
  }
  return handlers as unknown as { [C in keyof M & ChannelName]: Handler<C> }
}

type AnyFeature = { handlers: Partial<Handlers>; dispose?(): Promise<void> }
type ChannelsOf<F> = F extends { handlers: infer H } ? keyof H & ChannelName : never
type Twice<Fs extends readonly unknown[], Seen extends ChannelName = never> = Fs extends readonly [
  infer F,
  ...infer Rest,
]
  ? (ChannelsOf<F> & Seen) | Twice<Rest, Seen | ChannelsOf<F>>
  : never
/** Compiles only when the features handle every channel, each exactly once. */
type EveryChannelOnce<Fs extends readonly unknown[]> = [
  Exclude<ChannelName, ChannelsOf<Fs[number]>>,
] extends [never]
  ? [Twice<Fs>] extends [never]
    ? unknown
    : { handledTwice: Twice<Fs> }
  : { withoutHandler: Exclude<ChannelName, ChannelsOf<Fs[number]>> }

/**
 * The router's handler map from the features. The compiler names a channel without a
 * handler or with two; the same check runs once at start-up for what types cannot see.
 */
export function mergeHandlers<const Fs extends readonly AnyFeature[]>(
  features: Fs & EveryChannelOnce<Fs>,
): Handlers {
  const merged: Record<string, unknown> = {}
  for (const feature of features) {
    for (const [channel, handler] of Object.entries(feature.handlers)) {
      if (Object.hasOwn(merged, channel)) throw new Error(`Two features handle ${channel}`)
      merged[channel] = handler
    }
  }
  const missing = channelNames.filter((c) => typeof merged[c] !== 'function')
  if (missing.length > 0) throw new Error(`No feature handles ${missing.join(', ')}`)
  return merged as Handlers
}
