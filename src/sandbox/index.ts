/**
 * Demo shop sandbox: a PersonaClick-compatible HTTP server on loopback, with seeded demo
 * data, switchable envelope styles, fault injection and a request journal.
 */
import { ROUTES } from './server'

export type {
  EnvelopeStyle,
  FaultOptions,
  JournalEntry,
  Sandbox,
  SandboxJournal,
  SandboxOptions,
  SandboxShop,
  SandboxState,
  SecretPlacement,
  WrongShapeTarget,
} from './types'
export { DEMO_SHOP } from './shops'
export { startSandbox } from './server'
/** Campaign codes /transact and /sms/transactional accept (others: 404). */
export { SMS_CAMPAIGNS, TRANSACTIONAL_CAMPAIGNS } from './data/state'
export { NPS_REVIEWS_LIMIT } from './data/nps'

/**
 * The wire contract the sandbox enforces, one row per endpoint: method, path, accepted body
 * encoding and whether shop_secret is required. Contract tests can iterate over it.
 */
export const SANDBOX_ENDPOINTS: readonly {
  method: string
  path: string
  body: 'none' | 'json' | 'form' | 'json-or-multipart'
  secret: 'required' | 'if-sent'
  secretHeader: boolean
}[] = ROUTES.map((r) => ({
  method: r.method,
  path: r.path,
  body: r.body,
  secret: r.secret,
  secretHeader: r.secretHeader ?? false,
}))
