import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core'
import { forward, mergeHandlers, type Feature } from '../../../src/main/feature'
import type { CallContext } from '../../../src/main/ipc/router'
import { channelNames } from '../../../src/shared/contract/channels'
import type { ChannelName, ChannelParsedInput } from '../../../src/shared/contract/types'
import type { NpsReviewPage } from '../../../src/shared/nps'

const ctx: CallContext = { host: 'browser', senderId: 'test' }
type ReviewsQuery = ChannelParsedInput<'nps:reviews'>

/** A service whose methods fit (or deliberately do not fit) the NPS channels. */
class Reviews {
  readonly seen: ReviewsQuery[] = []
  private readonly page: NpsReviewPage = { total: 0, offset: 0, rows: [] }
  reviews(query: ReviewsQuery): NpsReviewPage {
    this.seen.push(query)
    return this.page
  }
  async later(query: ReviewsQuery): Promise<NpsReviewPage> {
    return this.reviews(query)
  }
  needsTwo(query: ReviewsQuery, extra: string): NpsReviewPage {
    return extra ? this.reviews(query) : this.page
  }
  count(_query: ReviewsQuery): number {
    return 0
  }
  byText(_text: string): NpsReviewPage {
    return this.page
  }
}

/**
 * Never called: it only has to compile. Each @ts-expect-error fails the typecheck when
 * the line below it stops being an error, so these are the compiler's refusals, tested.
 */
export function compileTimeChecks(service: Reviews, every: Feature<ChannelName>): void {
  forward(service, { 'nps:reviews': 'reviews' })
  forward(service, { 'nps:reviews': 'later' })
  // @ts-expect-error a method that needs more than the channel's input
  forward(service, { 'nps:reviews': 'needsTwo' })
  // @ts-expect-error a method that answers something else than the channel's output
  forward(service, { 'nps:reviews': 'count' })
  // @ts-expect-error a method that takes something else than the channel's input
  forward(service, { 'nps:reviews': 'byText' })
  // @ts-expect-error a method that does not exist
  forward(service, { 'nps:reviews': 'nothing' })

  mergeHandlers([every])
  // @ts-expect-error channels without a handler
  mergeHandlers([{ handlers: forward(service, { 'nps:reviews': 'reviews' }) }])
  // @ts-expect-error a channel with two handlers
  mergeHandlers([every, { handlers: forward(service, { 'nps:reviews': 'reviews' }) }])
}

describe('forward', () => {
  it('passes the parsed input to the service method, as a method, and returns its answer', async () => {
    const service = new Reviews()
    const handlers = forward(service, { 'nps:reviews': 'later' })
    const query = { from: '2025-01-01', to: '2025-01-31', offset: 0, limit: 50 } as ReviewsQuery
    await expect(handlers['nps:reviews'](query, ctx)).resolves.toEqual({
      total: 0,
      offset: 0,
      rows: [],
    })
    expect(service.seen).toEqual([query])
    expect(Object.keys(handlers)).toEqual(['nps:reviews'])
  })
})

describe('mergeHandlers', () => {
  const every = (): Feature<ChannelName> =>
    ({
      handlers: Object.fromEntries(channelNames.map((c) => [c, () => null])),
    }) as unknown as Feature<ChannelName>

  it('refuses, by name, a channel nobody handles or two features handle', () => {
    const { handlers } = every()
    const { 'nps:load': _dropped, ...rest } = handlers
    expect(() => mergeHandlers([{ handlers: rest }] as never)).toThrow(
      /No feature handles nps:load$/,
    )
    expect(() =>
      mergeHandlers([every(), { handlers: { 'sends:log': handlers['sends:log'] } }] as never),
    ).toThrow('Two features handle sends:log')
  })

  it('the real core gives every channel of the contract exactly one handler', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pc-core-'))
    try {
      // createCore runs the same check at start-up: building it is the assertion.
      const core = await createCore({
        host: 'browser',
        dataDir,
        productName: 'PersonaClick Console',
        version: '0.0.0-test',
        versions: { node: process.versions.node, electron: null, chrome: null, v8: '' },
        openExternal: async () => undefined,
        demo: false,
      })
      const info = await core.router.dispatch('app:info', {}, ctx)
      expect(info).toMatchObject({ ok: true, value: { version: '0.0.0-test', dataDir } })
      // No shop yet: a screen's channel answers with a keyed failure, not a crash.
      const nps = await core.router.dispatch(
        'nps:load',
        { from: '2025-01-01', to: '2025-01-31' },
        ctx,
      )
      expect(nps).toMatchObject({ ok: false, error: { details: { messageKey: 'choose-shop' } } })
      await core.dispose()
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
