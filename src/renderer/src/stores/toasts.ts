import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ToastKind = 'success' | 'info' | 'error'

export interface Toast {
  id: number
  kind: ToastKind
  text: string
}

const AUTO_DISMISS_MS = 5000

/**
 * Success and info toasts fade after a few seconds; errors stay until dismissed, so a
 * marketer who looked away still learns that something failed.
 */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([])
  let nextId = 1

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  function show(kind: ToastKind, text: string): number {
    const id = nextId++
    toasts.value = [...toasts.value, { id, kind, text }]
    if (kind !== 'error') setTimeout(() => dismiss(id), AUTO_DISMISS_MS)
    return id
  }

  return {
    toasts,
    dismiss,
    success: (text: string) => show('success', text),
    info: (text: string) => show('info', text),
    error: (text: string) => show('error', text),
  }
})
