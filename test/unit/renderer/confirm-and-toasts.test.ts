// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import ConfirmHost from '../../../src/renderer/src/components/ConfirmHost.vue'
import { i18n, setLanguage } from '../../../src/renderer/src/i18n'
import { useConfirmStore } from '../../../src/renderer/src/stores/confirm'
import { useToastStore } from '../../../src/renderer/src/stores/toasts'

beforeAll(() => setLanguage('en'))
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('confirm dialog', () => {
  async function open(requireWord?: string) {
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(ConfirmHost, {
      attachTo: document.body,
      global: { plugins: [pinia, i18n, PrimeVue] },
    })
    const store = useConfirmStore()
    const answer = store.ask({
      title: 'Delete list',
      message: 'Gone for good.',
      requireWord,
      danger: true,
    })
    await flushPromises()
    const accept = () =>
      document.querySelector<HTMLButtonElement>('[data-testid="confirm-accept"]')!
    return { wrapper, answer, accept }
  }

  it('keeps a destructive action disabled until the word is typed', async () => {
    const { answer, accept, wrapper } = await open('DELETE')
    expect(accept().disabled).toBe(true)
    const input = document.querySelector<HTMLInputElement>('[data-testid="confirm-word"]')!
    input.value = 'delete'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(accept().disabled).toBe(true)
    input.value = 'DELETE'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(accept().disabled).toBe(false)
    accept().click()
    await expect(answer).resolves.toBe(true)
    wrapper.unmount()
  })

  it('resolves false when cancelled', async () => {
    const { answer, wrapper } = await open()
    const cancel = [...document.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Cancel'),
    )!
    cancel.click()
    await expect(answer).resolves.toBe(false)
    wrapper.unmount()
  })
})

describe('toasts', () => {
  it('success fades, error stays until dismissed', () => {
    vi.useFakeTimers()
    const store = useToastStore()
    store.success('Saved')
    const err = store.error('Upload failed')
    vi.advanceTimersByTime(60_000)
    expect(store.toasts.map((t) => t.text)).toEqual(['Upload failed'])
    store.dismiss(err)
    expect(store.toasts).toEqual([])
  })
})
