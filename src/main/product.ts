import pkg from '../../package.json'
import type { AppInfo } from '../shared/app-info'

/** Name and version come from package.json so About, logs and the window title agree. */
export const product = {
  name: pkg.productName,
  version: pkg.version,
}

/**
 * What both hosts tell the core about themselves: the product and the runtimes this
 * process runs on (Electron and Chrome are null under plain Node, the browser host).
 */
export function productIdentity(): {
  productName: string
  version: string
  versions: AppInfo['versions']
} {
  return {
    productName: product.name,
    version: product.version,
    versions: {
      node: process.versions.node,
      v8: process.versions.v8,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
    },
  }
}
