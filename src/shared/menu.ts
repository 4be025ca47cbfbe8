/**
 * What the desktop app's native menu asks the window to do. The menu lives in main; the
 * router and the shop checks live in the renderer, so main sends the command over.
 */
export type MenuCommand = { command: 'navigate'; screen: string } | { command: 'check-connection' }
