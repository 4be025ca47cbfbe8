import { createApiClient, type ApiClientOptions } from '../../../src/main/api/client'
import { AppFailure } from '../../../src/shared/errors'
import type { ApiCallRecord, ShopCredentials, ShopRef } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { DEMO_SHOP, startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox'
import { credentialsOf } from '../../support/shops'

/**
 * Shared set-up for tests that drive the real client against the real Demo shop sandbox
 * over loopback HTTP. Only the sleep between retries is injected (recorded, and a hook to
 * change the sandbox's faults between attempts), so the tests never wait on wall-clock
 * backoff and never depend on timing for retry assertions.
 */
export interface Harness {
  sandbox: Sandbox
  /** The demo shop, the active one. */
  shop: ShopCredentials
  /** Registers the demo shop with some settings changed (another host, a wrong secret). */
  variant(changes: Partial<Omit<ShopCredentials, 'profileId'>>): ShopRef
  records: ApiCallRecord[]
  sleeps: number[]
  client: ReturnType<typeof createApiClient>
  secrets: SecretRegistry
}

export async function harness(
  sandboxOptions: SandboxOptions = {},
  clientOptions: Partial<ApiClientOptions> & {
    beforeRetry?: (ms: number) => void | Promise<void>
  } = {},
): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...sandboxOptions })
  const records: ApiCallRecord[] = []
  const sleeps: number[] = []
  const secrets = new SecretRegistry()
  const { beforeRetry, ...rest } = clientOptions
  const shop: ShopCredentials = {
    profileId: 'demo',
    apiHost: sandbox.url,
    shopId: DEMO_SHOP.shopId,
    secret: DEMO_SHOP.secret,
  }
  const known = [shop]
  const variant = (changes: Partial<Omit<ShopCredentials, 'profileId'>>): ShopRef => {
    const profileId = `variant-${known.length}`
    known.push({ ...shop, ...changes, profileId })
    return { profileId }
  }
  const client = createApiClient({
    transport: (url, init) => fetch(url, init),
    credentials: (ref) => credentialsOf(...known)(ref),
    secrets,
    onCall: (r) => records.push(r),
    sleep: async (ms) => {
      sleeps.push(ms)
      await beforeRetry?.(ms)
    },
    random: () => 0.5,
    timeoutMs: 5_000,
    ...rest,
  })
  return { sandbox, shop, variant, records, sleeps, client, secrets }
}

/** The failure a call ends in; fails the test when the call succeeds or throws anything else. */
export async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppFailure) return err
    throw err
  }
  throw new Error('expected the call to fail')
}

/** Demo data the read endpoints need: a customer with an email and messages, a product. */
export function demoPicks(sandbox: Sandbox): { email: string; itemId: string; code: string } {
  const shop = sandbox.state.main
  const c = shop.customers.find((x) => x.email && x.index < 50)
  return {
    email: c?.email ?? '',
    itemId: shop.products[0]?.id ?? '',
    code: c ? (shop.messagesOf(c)[0]?.code ?? '') : '',
  }
}

/** The YYYY-MM-DD `days` before the sandbox's fixed "now". */
export function dayBefore(sandbox: Sandbox, days: number): string {
  return new Date(sandbox.state.now.getTime() - days * 86_400_000).toISOString().slice(0, 10)
}

/** Waits (bounded) until the journal satisfies `test`; for requests whose answer we dropped. */
export async function journalSettles(
  sandbox: Sandbox,
  test: () => boolean,
  timeoutMs = 5_000,
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!test()) {
    if (Date.now() > until) throw new Error('journal did not settle')
    await new Promise((r) => setTimeout(r, 20))
  }
}
