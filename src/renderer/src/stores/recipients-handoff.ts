import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { IntakeFile } from '../../../shared/files'

/** Screens that take a list of recipients from another screen. */
export type HandoffTarget = 'sends-bulk' | 'segments-bulk'

/**
 * A recipient list one screen hands to another in memory (Product stats → bulk send or a
 * segment change): a
 * file handle main prepared, taken once by the receiving screen, which then treats it as
 * if the marketer had dropped it there.
 */
export const useRecipientsHandoff = defineStore('recipients-handoff', () => {
  const pending = shallowRef<{ target: HandoffTarget; file: IntakeFile } | null>(null)
  return {
    pending,
    offer(target: HandoffTarget, file: IntakeFile): void {
      pending.value = { target, file }
    },
    take(target: HandoffTarget): IntakeFile | null {
      if (pending.value?.target !== target) return null
      const { file } = pending.value
      pending.value = null
      return file
    },
  }
})
