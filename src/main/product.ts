import pkg from '../../package.json'

/** Name and version come from package.json so About, logs and the window title agree. */
export const product = {
  name: pkg.productName,
  version: pkg.version,
}
