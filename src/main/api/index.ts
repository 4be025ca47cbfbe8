/** The PersonaClick API client: Electron-free; the transport is injected by the host. */
export {
  catalogue,
  endpointNames,
  endpointSpec,
  isEndpointName,
  type EndpointAnswer,
  type EndpointName,
  type EndpointSpec,
  type Encoding,
  type ResultShape,
  type SecretPlacement,
} from './catalogue'
export { createApiClient, SHOP_CONCURRENCY, type ApiClient, type ApiClientOptions } from './client'
export { normaliseResponse, readEnvelope, parseBody, type Normalised } from './normalise'
export { withShopParams } from './request'
export { parseRetryAfter, backoffDelay, retryDelay } from './retry'
export { classifyNetworkError, codeForStatus } from './errors'
export type * from './types'
