import { app, Notification, shell, type Session } from 'electron'
import { extname, join } from 'node:path'
import { fill, type DesktopWords } from './desktop-words'
import type { IsOwnUrl } from './hardening'

/**
 * Exports (CSV, PNG) leave the window as downloads: in the app they go through the
 * system's save dialog (Downloads folder and the file's name proposed), and once saved
 * an OS notification offers to show the file in its folder. Only the console's own
 * pages may download; anything else is cancelled.
 */
export function mountSaveDialogs(
  session: Session,
  isOwnUrl: IsOwnUrl,
  words: () => DesktopWords,
): void {
  session.on('will-download', (event, item, contents) => {
    if (!contents || !isOwnUrl(contents.getURL())) {
      event.preventDefault()
      return
    }
    const name = item.getFilename()
    const ext = extname(name).slice(1)
    item.setSaveDialogOptions({
      defaultPath: join(app.getPath('downloads'), name),
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
    })
    item.once('done', (_e, state) => {
      if (state !== 'completed' || !Notification.isSupported()) return
      const path = item.getSavePath()
      const w = words()
      const note = new Notification({
        title: fill(w.saved.title, { name: path.split(/[\\/]/).pop() ?? name }),
        body: w.saved.showInFolder,
      })
      note.on('click', () => shell.showItemInFolder(path))
      note.show()
    })
  })
}
