import type { SendRoute } from '../../../shared/sends'
import type { NormalisedSend } from '../../../shared/sends-validate'
import { endpointSpec, withShopParams, type EndpointName } from '../../api'

/** What stands in for the secret: a support ticket must never carry the real one. */
export const SECRET_PLACEHOLDER = 'YOUR_SHOP_SECRET'

export const routeEndpoints = {
  transact: 'transact',
  sms: 'sms.transactional',
} as const satisfies Record<SendRoute, EndpointName>

/** The send's address at `apiHost`, e.g. https://api.personaclick.com/transact. */
export function sendUrl(route: SendRoute, apiHost: string): string {
  const path = endpointSpec(routeEndpoints[route]).path.slice(1)
  return new URL(path, apiHost.endsWith('/') ? apiHost : `${apiHost}/`).toString()
}

/** The body as the client will send it, with `secret` standing in for the shop's secret. */
export function shownParams(send: NormalisedSend, shopId: string, secret: string) {
  return withShopParams(endpointSpec(routeEndpoints[send.route]), shopId, secret, sendParams(send))
}

/** Field names as in the reference's multipart example: file_name, file_name_2, … */
export function attachmentField(index: number): string {
  return index === 0 ? 'file_name' : `file_name_${index + 1}`
}

/** The send's own parameters; the client adds the shop's. */
export function sendParams(send: NormalisedSend) {
  const params: Record<string, unknown> = { code: send.code }
  if (send.email) params.email = send.email
  if (send.phone) params.phone = send.phone
  if (send.route === 'transact' && send.sendEverywhere) params.send_everywhere = true
  // /sms/transactional requires variables; /transact takes them when there are any.
  if (send.route === 'sms' || Object.keys(send.variables).length > 0)
    params.variables = send.variables
  return params
}

/** POSIX shell single-quoting: the only character to care about is the quote itself. */
function sq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** A curl command equivalent to the send, with the secret replaced by a placeholder. */
export function buildCurl(send: NormalisedSend, apiHost: string, shopId: string): string {
  const params = shownParams(send, shopId, SECRET_PLACEHOLDER)
  const lines = [`curl --request POST ${sq(sendUrl(send.route, apiHost))}`]
  if (send.route === 'transact' && send.attachments.length > 0) {
    send.attachments.forEach((a, i) => {
      lines.push(`--form ${sq(`${attachmentField(i)}=@"${a.name.replace(/"/g, '')}"`)}`)
    })
    // --form-string: a value starting with @ or < must stay text, never read a file.
    for (const [k, v] of Object.entries(params)) {
      if (k === 'variables') {
        for (const [vk, vv] of Object.entries(v as Record<string, unknown>))
          lines.push(`--form-string ${sq(`variables[${vk}]=${String(vv)}`)}`)
      } else lines.push(`--form-string ${sq(`${k}=${String(v)}`)}`)
    }
  } else {
    lines.push(`--header 'Content-Type: application/json'`)
    lines.push(`--header 'Accept: application/json'`)
    lines.push(`--data-raw ${sq(JSON.stringify(params))}`)
  }
  return lines.join(' \\\n  ')
}
