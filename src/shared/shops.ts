import { z } from 'zod'

export const PERSONACLICK_API_HOST = 'https://api.personaclick.com'
export const REES46_API_HOST = 'https://api.rees46.ru'
export const suggestedApiHosts = [PERSONACLICK_API_HOST, REES46_API_HOST] as const

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * https everywhere; plain http only for a server on this computer (a local sandbox),
 * because the secret key travels in every request.
 */
export function isAcceptableApiHost(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.username || url.password || url.search || url.hash) return false
  if (url.pathname !== '/' && url.pathname !== '') return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname)
}

export function normaliseApiHost(raw: string): string {
  return new URL(raw.trim()).origin
}

/** What the marketer fills in. The secret is write-only: omitted on edit = keep the stored one. */
export const shopDraftSchema = z
  .object({
    id: z.string().uuid().optional(),
    label: z.string().trim().min(1).max(80),
    apiHost: z
      .string()
      .trim()
      .max(300)
      .refine(isAcceptableApiHost, 'Use an https:// address (http:// only for this computer).')
      .transform(normaliseApiHost),
    shopId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\w-]+$/, 'A shop ID has only letters, digits, - and _.'),
    secret: z.string().trim().min(1).max(500).optional(),
    defaultCountry: z.string().regex(/^[A-Z]{2}$/),
    timeZone: z.string().min(1).max(64),
  })
  .strict()
export type ShopDraft = z.input<typeof shopDraftSchema>

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

/**
 * The shops' own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/shops.ru.ts`).
 */
export const shopFailures = {
  'demo-shop-readonly': 'The Demo shop cannot be edited. Add your own shop instead.',
  'demo-shop-builtin': 'The Demo shop is built in and cannot be removed.',
  'shop-gone': 'This shop no longer exists. Refresh the list.',
  'secret-required': 'Enter the shop’s secret key.',
  'secret-missing': 'No secret key is stored for “{shop}”. Enter it in Settings › Shops.',
  'choose-shop': 'Choose a shop in Settings › Shops first.',
} as const
