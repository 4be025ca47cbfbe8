import { vi } from 'vitest'

/**
 * The one Electron mock. Unit tests import main-process modules without the Electron
 * binary; anything that reaches for a real Electron API gets an obvious stub.
 */
vi.mock('electron', () => {
  const unavailable = (name: string) => () => {
    throw new Error(`electron.${name} is not available in unit tests`)
  }
  return {
    app: { getPath: unavailable('app.getPath'), isPackaged: false },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    webContents: { getAllWebContents: () => [] },
    shell: { openExternal: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
    },
    Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  }
})
