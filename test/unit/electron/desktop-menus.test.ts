import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { contextMenuTemplate } from '../../../src/main/electron/context-menu'
import { desktopWords, fill } from '../../../src/main/electron/desktop-words'
import { menuTemplate } from '../../../src/main/electron/menu-template'
import { screens } from '../../../src/renderer/src/router/screens'

const items = (t: MenuItemConstructorOptions[] | null | undefined) =>
  (t ?? []).filter((i) => i.type !== 'separator')
const submenu = (t: MenuItemConstructorOptions[], label: string) =>
  items(t.find((i) => i.label === label)?.submenu as MenuItemConstructorOptions[])

describe('the desktop menus', () => {
  it('lists every screen under Go in the marketer’s language, Ctrl/Cmd+1…9 for the first nine', () => {
    const send = vi.fn()
    const actions = { send, openDataFolder: vi.fn(), openLogsFolder: vi.fn(), openApiDocs: vi.fn() }
    const ru = menuTemplate(desktopWords('ru'), { isMac: false, isDev: false }, actions)
    expect(ru.map((i) => i.label)).toEqual(['Файл', 'Правка', 'Перейти', 'Вид', 'Окно', 'Справка'])
    const go = submenu(ru, 'Перейти')
    expect(go.map((i) => i.label)).toEqual(
      screens.map((s) => desktopWords('ru').nav[s.name as 'overview']),
    )
    expect(go.slice(0, 9).map((i) => i.accelerator)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `CmdOrCtrl+${n}`),
    )
    expect(go.slice(9).every((i) => i.accelerator === undefined)).toBe(true)
    ;(go[1]!.click as () => void)()
    expect(send).toHaveBeenCalledWith({ command: 'navigate', screen: screens[1]!.name })
    const file = submenu(ru, 'Файл')
    ;(file.find((i) => i.label === 'Проверить подключение')!.click as () => void)()
    expect(send).toHaveBeenLastCalledWith({ command: 'check-connection' })
    // Developer tools only in development; no English left in the Russian menu.
    expect(JSON.stringify(ru)).not.toMatch(/Developer|Check connection|Reload/)
  })

  it('offers editing in fields, copy on a selection, and nothing elsewhere', () => {
    const w = desktopWords('en')
    const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true }
    expect(
      items(contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags }, w)).map(
        (i) => i.role,
      ),
    ).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    expect(
      contextMenuTemplate({ isEditable: false, selectionText: 'anna@', editFlags: flags }, w),
    ).toEqual([{ label: 'Copy', role: 'copy' }])
    expect(
      contextMenuTemplate({ isEditable: false, selectionText: ' ', editFlags: flags }, w),
    ).toBeNull()
  })

  it('fills named placeholders as the window does', () => {
    expect(fill(desktopWords('en').jobs.import, { name: 'crm.csv' })).toBe(
      'Audience import of crm.csv',
    )
  })
})
