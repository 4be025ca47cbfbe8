export { linkFailures } from './failures/external-links'
/**
 * The only hosts the console opens in the system browser. Everything else is refused:
 * a message body or API error could otherwise steer a marketer to a phishing page.
 */
export const externalLinkHosts = [
  'personaclick.com',
  'www.personaclick.com',
  'docs.personaclick.com',
  'api.personaclick.com',
  'rees46.ru',
  'docs.rees46.ru',
  'api.rees46.ru',
] as const

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    (externalLinkHosts as readonly string[]).includes(url.hostname)
  )
}
