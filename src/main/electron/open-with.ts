import { app } from 'electron'
import { pathsInArgv } from '../services/files/opened-files'

type OpenFiles = (paths: readonly string[]) => Promise<void>

/**
 * Every way the OS hands us a file to open, into one function. Registered before the app
 * is ready because macOS sends `open-file` for the file that launched us that early;
 * those wait until `ready(openFiles)` is called with the core.
 */
export function listenForOpenWith(): { ready(openFiles: OpenFiles): void } {
  let target: OpenFiles | null = null
  const early: string[] = pathsInArgv(process.argv, app.isPackaged, process.cwd())
  const open = (paths: string[]): void => {
    if (paths.length === 0) return
    if (target) void target(paths)
    else early.push(...paths)
  }
  app.on('open-file', (event, path) => {
    event.preventDefault()
    open([path])
  })
  // A second launch (another double-click) hands its command line to this instance.
  app.on('second-instance', (_e, argv, workingDirectory) =>
    open(pathsInArgv(argv, app.isPackaged, workingDirectory)),
  )
  return {
    ready(openFiles) {
      target = openFiles
      open(early.splice(0))
    },
  }
}
