export { shopFailures } from './failures/shops'
export const PERSONACLICK_API_HOST = 'https://api.personaclick.com'
export const REES46_API_HOST = 'https://api.rees46.ru'
export const suggestedApiHosts = [PERSONACLICK_API_HOST, REES46_API_HOST] as const

// The form's schema sits in its own module so the renderer's start-up code, which needs
// only the shops' failure texts from here, does not carry zod.
export {
  isAcceptableApiHost,
  normaliseApiHost,
  shopDraftSchema,
  type ShopDraft,
} from './shop-draft'

/** Where a shop's secret lives; shown next to it so nobody is surprised. */
export type SecretStorage = 'encrypted' | 'weak' | 'memory' | 'none'

/** A shop as the renderer sees it: never the secret, only whether there is one. */
export interface Shop {
  id: string
  label: string
  apiHost: string
  shopId: string
  defaultCountry: string
  timeZone: string
  hasSecret: boolean
  secretStorage: SecretStorage
  /** The built-in Demo shop, served by the local sandbox. */
  isDemo: boolean
}

export type VaultMode = 'encrypted' | 'weak' | 'memory'
export type VaultReason = 'browser-host' | 'no-encryption' | 'basic-text' | null

export interface VaultStatus {
  /** How new secrets are kept right now. */
  mode: VaultMode
  /** Why secrets are not encrypted, when they are not. */
  reason: VaultReason
  /** Weak storage can be chosen (Electron without a real keyring). */
  canChooseWeak: boolean
}

export interface ShopsState {
  shops: Shop[]
  activeId: string | null
  vault: VaultStatus
}

export type ConnectionOutcome =
  | 'ok'
  | 'wrong-shop-id'
  | 'wrong-secret'
  | 'no-secret'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'server-error'
  | 'unexpected'

export interface ConnectionTestResult {
  outcome: ConnectionOutcome
  /** Marketer-readable explanation with a next step. */
  message: string
  status: number | null
  durationMs: number
}
