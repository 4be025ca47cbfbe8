import { extname, isAbsolute, resolve } from 'node:path'
import { fileExtensions, type IntakeFile } from '../../../shared/files'
import type { EventBus } from '../../ipc/event-bus'
import type { Logger } from '../../log/logger'
import type { FileRegistry } from './file-registry'

/**
 * Tables the operating system asked us to open ("Open with PersonaClick Console", a
 * double-clicked .csv, a path on the command line). They may arrive before any window
 * has loaded, so they wait here until the renderer takes them; a window already open
 * hears of them at once through `files:opened`.
 */
export class OpenedFiles {
  private pending: IntakeFile[] = []

  constructor(private readonly deps: { files: FileRegistry; events: EventBus; log: Logger }) {}

  /** Paths from the host; anything that is not a readable table is logged and skipped. */
  async open(paths: readonly string[]): Promise<IntakeFile[]> {
    const opened: IntakeFile[] = []
    for (const path of paths) {
      const ext = extname(path).slice(1).toLowerCase()
      if (!fileExtensions.table.includes(ext)) continue
      try {
        opened.push(await this.deps.files.registerPath(path))
      } catch (err) {
        this.deps.log.warn('file to open is unreadable', { error: err })
      }
    }
    if (opened.length === 0) return opened
    this.pending.push(...opened)
    this.deps.events.emit('files:opened', opened)
    return opened
  }

  /** What is waiting, once: a reload does not open the same file again. */
  take(): IntakeFile[] {
    const taken = this.pending
    this.pending = []
    return taken
  }
}

/**
 * Paths on a command line: what Windows and Linux pass for a double-clicked .csv or
 * "Open with PersonaClick Console". Flags (Chromium's and ours) are not files; an
 * unpackaged run's argv also holds Electron's own path and the app folder first.
 */
export function pathsInArgv(argv: readonly string[], packaged: boolean, cwd: string): string[] {
  return argv
    .slice(packaged ? 1 : 2)
    .filter((a) => a !== '' && !a.startsWith('-'))
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)))
}
