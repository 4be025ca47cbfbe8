/** Which host carries the contract: the Electron app or the loopback browser host. */
export type HostKind = 'electron' | 'browser'

export interface AppInfo {
  productName: string
  version: string
  host: HostKind
  platform: string
  versions: {
    node: string
    electron: string | null
    chrome: string | null
    v8: string
  }
  /** Where profiles, journals and logs live (shown on the About screen for support). */
  dataDir: string
}
