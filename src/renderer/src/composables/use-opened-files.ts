import { onMounted } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import type { IntakeFile } from '../../../shared/files'
import { invoke } from '../api'
import { useImportStore } from '../stores/import'
import { useToastStore } from '../stores/toasts'
import { useEvent } from './use-remote'

/**
 * A table the OS asked us to open (a double-clicked .csv, "Open with PersonaClick
 * Console") goes straight to the import's column matching, from whatever screen is
 * showing: the ones waiting since launch first, then any that arrive later.
 */
export function useOpenedFiles(): void {
  const router = useRouter()
  const importStore = useImportStore()
  const toasts = useToastStore()
  const { t } = useI18n()

  async function openInImport(files: IntakeFile[]): Promise<void> {
    // The import takes one file at a time: the last one asked for wins, as in a drop.
    const file = files.at(-1)
    if (!file) return
    await router.push({ name: 'import' })
    toasts.info(t('import.openedFromOs', { name: file.name }))
    await importStore.detect(file)
  }

  useEvent('files:opened', () => void invoke('files:take-opened', {}).then(openInImport))
  onMounted(() => void invoke('files:take-opened', {}).then(openInImport))
}
