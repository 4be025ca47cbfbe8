import type { MenuItemConstructorOptions } from 'electron'
import type { DesktopWords } from './desktop-words'

/** The part of Electron's context-menu params the menu depends on. */
export interface ContextParams {
  isEditable: boolean
  selectionText: string
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

/**
 * Right-click in a field: cut, copy, paste, select all; on selected text: copy. Elsewhere
 * nothing (a menu with only greyed items is noise). Null when there is nothing to show.
 */
export function contextMenuTemplate(
  p: ContextParams,
  w: DesktopWords,
): MenuItemConstructorOptions[] | null {
  const m = w.menu
  if (p.isEditable)
    return [
      { label: m.cut, role: 'cut', enabled: p.editFlags.canCut },
      { label: m.copy, role: 'copy', enabled: p.editFlags.canCopy },
      { label: m.paste, role: 'paste', enabled: p.editFlags.canPaste },
      { type: 'separator' },
      { label: m.selectAll, role: 'selectAll', enabled: p.editFlags.canSelectAll },
    ]
  if (p.selectionText.trim() !== '') return [{ label: m.copy, role: 'copy' }]
  return null
}
