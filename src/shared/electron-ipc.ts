/** The two raw Electron IPC channels that carry the whole contract. */
export const INVOKE_CHANNEL = 'pc:invoke'
export const EVENT_CHANNEL = 'pc:event'
/** Preload -> main only: paths of files dropped on the window (see preload/index.ts). */
export const DROP_CHANNEL = 'pc:dropped-paths'
