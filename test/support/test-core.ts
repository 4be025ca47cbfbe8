import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../src/main/core'

/** The core as the browser host builds it, in a fresh data folder unless one is given. */
export async function createTestCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({
    host: 'browser',
    dataDir: opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'pc-core-'))),
    productName: 'PersonaClick Console',
    version: 'test',
    versions: {
      node: process.versions.node,
      v8: process.versions.v8,
      electron: null,
      chrome: null,
    },
    openExternal: async () => undefined,
    ...opts,
  })
}
