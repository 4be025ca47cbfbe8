import { z } from 'zod'

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
