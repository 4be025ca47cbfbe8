/** The two raw Electron IPC channels that carry the whole contract. */
export const INVOKE_CHANNEL = 'pc:invoke'
export const EVENT_CHANNEL = 'pc:event'
