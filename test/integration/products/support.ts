import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiClient } from '../../../src/main/api/client'
import type { ShopCredentials, ShopRef } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import type { ShopDirectory, ShopProfile } from '../../../src/main/services/shops/shop-directory'
import { DEMO_SHOP, type Sandbox } from '../../../src/sandbox'
import { keyedFailure } from '../../../src/shared/errors'

/**
 * The product services' world: the real client against a real sandbox over loopback, with
 * the Demo shop either with its secret stored or without one (`secret: false`), resolved as
 * the shops service resolves it (a public endpoint asks without needing the secret).
 */
export async function productsWorld(sandbox: Sandbox, opts: { secret?: boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'products-it-'))
  const profile: ShopProfile = {
    profileId: 'demo',
    label: 'Demo shop',
    apiHost: sandbox.url,
    shopId: DEMO_SHOP.shopId,
    defaultCountry: 'RU',
    timeZone: 'UTC',
  }
  const stored = opts.secret ?? true
  const find = (ref: ShopRef): ShopProfile => {
    if (ref !== 'active' && ref.profileId !== profile.profileId)
      throw keyedFailure('NOT_FOUND', 'shop-gone')
    return profile
  }
  const shops: ShopDirectory = {
    profile: find,
    callable: (ref) => {
      if (!stored) throw keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: 'Demo shop' })
      return find(ref)
    },
  }
  const credentials = (ref: ShopRef, needsSecret = true): ShopCredentials => {
    find(ref)
    if (!stored && needsSecret)
      throw keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: 'Demo shop' })
    return {
      profileId: profile.profileId,
      apiHost: sandbox.url,
      shopId: DEMO_SHOP.shopId,
      secret: stored ? DEMO_SHOP.secret : '',
    }
  }
  const api = createApiClient({
    transport: (url, init) => fetch(url, init),
    credentials,
    secrets: new SecretRegistry(),
    timeoutMs: 5_000,
  })
  const files = await FileRegistry.open({ dataDir })
  return {
    dataDir,
    api,
    shops,
    files,
    profile,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  }
}
