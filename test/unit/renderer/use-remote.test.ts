// @vitest-environment jsdom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import type { PcBridge } from '../../../src/shared/contract/types'
import { ApiError } from '../../../src/renderer/src/api'
import { useRemote } from '../../../src/renderer/src/composables/use-remote'
import { useShopsStore } from '../../../src/renderer/src/stores/shops'

/** window.pc as the renderer sees it: events can be emitted, listeners counted. */
function fakeBridge() {
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const pc = {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'unused' } }),
    on(event: string, listener: (p: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
  window.pc = pc as unknown as PcBridge
  return {
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    count: (event: string) => listeners.get(event)?.size ?? 0,
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)))
  return { promise, resolve, reject }
}

const shop = (id: string) => ({ id, label: id, isDemo: false })
let bridge: ReturnType<typeof fakeBridge>
beforeEach(() => {
  bridge = fakeBridge()
  setActivePinia(createPinia())
})

describe('useRemote', () => {
  it('keeps the newest answer when an older one arrives late', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let call = 0
    const remote = useRemote(() => answers[call++]!.promise, {
      initial: () => '',
      perShop: false,
    })
    const first = remote.load()
    const second = remote.load()
    answers[1]!.resolve('new period')
    expect(await second).toBe(true)
    answers[0]!.resolve('old period')
    expect(await first).toBe(false)
    expect(remote.data.value).toBe('new period')
    expect(remote.loading.value).toBe(false)
  })

  it('reports a failure as a typed error and clears it on the next load', async () => {
    let fail = true
    const remote = useRemote(
      () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve(1)),
      { initial: () => 0, perShop: false },
    )
    await remote.load()
    expect(remote.error.value).toBeInstanceOf(ApiError)
    expect(remote.error.value?.message).toBe('boom')
    fail = false
    await remote.load()
    expect(remote.error.value).toBeNull()
    expect(remote.data.value).toBe(1)
  })

  it('stops listening when its scope ends', () => {
    const scope = effectScope()
    scope.run(() =>
      useRemote(() => Promise.resolve(1), {
        initial: () => 0,
        refreshOn: ['activity:recorded'],
        perShop: false,
      }),
    )
    expect(bridge.count('activity:recorded')).toBe(1)
    scope.stop()
    expect(bridge.count('activity:recorded')).toBe(0)
  })

  it('clears and fetches again when the active shop changes, not before it was used', async () => {
    const shops = useShopsStore()
    shops.state = { shops: [shop('a'), shop('b')], activeId: 'a' } as never
    let fetched = 0
    const remote = useRemote(
      () => {
        fetched++
        return Promise.resolve(`data of ${shops.activeId}`)
      },
      { initial: () => 'nothing' },
    )
    bridge.emit('shops:changed', { shops: [shop('a'), shop('b')], activeId: 'b' })
    await flushPromises()
    expect(fetched).toBe(0)

    await remote.load()
    expect(remote.data.value).toBe('data of b')
    bridge.emit('shops:changed', { shops: [shop('a'), shop('b')], activeId: 'a' })
    await flushPromises()
    expect(remote.data.value).toBe('data of a')
    expect(fetched).toBe(2)
  })
})
