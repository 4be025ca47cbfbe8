import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel?: string
  /** Destructive actions: the button stays disabled until this word is typed. */
  requireWord?: string
  danger?: boolean
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void
}

/** One confirm dialog for the whole app; `ask` resolves true only on explicit confirmation. */
export const useConfirmStore = defineStore('confirm', () => {
  const current = ref<Pending | null>(null)

  function ask(req: ConfirmRequest): Promise<boolean> {
    current.value?.resolve(false)
    return new Promise((resolve) => {
      current.value = { ...req, resolve }
    })
  }

  function answer(ok: boolean): void {
    current.value?.resolve(ok)
    current.value = null
  }

  return { current, ask, answer }
})
