import { AppFailure, type ErrorCode } from '../../../shared/errors'
import type { ConnectionOutcome, ConnectionTestResult } from '../../../shared/shops'
import type { ShopRef } from '../../api/types'

/** The one call the test needs: any client whose `call` throws AppFailure on failure. */
export type ConnectionProbe = (shop: ShopRef) => Promise<unknown>

const outcomes: Partial<Record<ErrorCode, [ConnectionOutcome, string]>> = {
  API_WRONG_SHOP_ID: [
    'wrong-shop-id',
    'PersonaClick does not know this shop ID. Copy it again from your PersonaClick account (Settings › Shop).',
  ],
  API_WRONG_SECRET: [
    'wrong-secret',
    'The shop ID is right but the secret key was refused. Copy the secret key again and replace it here.',
  ],
  NETWORK_UNREACHABLE: [
    'unreachable',
    'The API host cannot be reached. Check the address and your internet connection or VPN.',
  ],
  TLS_ERROR: [
    'tls',
    'The API host’s security certificate is not trusted. Check the address; ask IT if you use a proxy.',
  ],
  TIMEOUT: ['timeout', 'The API host did not answer in time. Try again in a minute.'],
  OUTCOME_UNKNOWN: ['timeout', 'The API host stopped answering mid-way. Try again in a minute.'],
  API_SERVER_ERROR: [
    'server-error',
    'PersonaClick had an internal error. Try again in a few minutes.',
  ],
  API_UNAVAILABLE: [
    'server-error',
    'PersonaClick is temporarily unavailable. Try again in a few minutes.',
  ],
  API_RATE_LIMITED: ['server-error', 'PersonaClick asks to slow down. Try again in a minute.'],
}

/**
 * Calls a cheap endpoint that needs the secret (the promo-code lists) and explains the
 * outcome in a marketer's words: wrong shop id, wrong secret, unreachable, TLS, OK.
 */
export async function testConnection(
  shop: ShopRef | null,
  probe: ConnectionProbe,
): Promise<ConnectionTestResult> {
  const started = performance.now()
  const done = (outcome: ConnectionOutcome, message: string, status: number | null) => ({
    outcome,
    message,
    status,
    durationMs: Math.round(performance.now() - started),
  })
  if (!shop)
    return done(
      'no-secret',
      'No secret key is stored for this shop. Enter it, then test again.',
      null,
    )
  try {
    await probe(shop)
    return done('ok', 'Connected. The shop ID and secret key work.', 200)
  } catch (err) {
    if (!(err instanceof AppFailure)) throw err
    const [outcome, message] = outcomes[err.appError.code] ?? [
      'unexpected',
      'PersonaClick answered in an unexpected way. Check the API host address.',
    ]
    const status = err.appError.details?.status
    return done(outcome, message, typeof status === 'number' ? status : null)
  }
}
