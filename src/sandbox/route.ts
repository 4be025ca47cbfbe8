import type { ShopData } from './data/state'
import type { ErrorFamily, Reply } from './envelope'
import type { Params } from './params'

/** How the body of a request must be encoded, per the reference's curl examples. */
export type BodyEncoding = 'none' | 'json' | 'form' | 'json-or-multipart'

export interface UploadedFile {
  field: string
  filename: string
  size: number
}

export interface RouteContext {
  params: Params
  /** Path parameters such as :code. */
  pathParams: Record<string, string>
  shop: ShopData
  files: UploadedFile[]
  /** The instant the demo data was generated around. */
  now: Date
  /** The sandbox clock's current instant (product counters move with it). */
  at: Date
}

/** One documented endpoint: its wire contract and its handler. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  body: BodyEncoding
  /**
   * 'required': 403 when missing or wrong. 'if-sent': only checked when present (endpoints
   * the reference documents with shop_id alone). 'none' is not used: a wrong secret is
   * always refused.
   */
  secret: 'required' | 'if-sent'
  /** /subscriptions/check and /changes document the X-Shop-Secret header as an alternative. */
  secretHeader?: boolean
  /** /notifications/:code is documented without any parameter at all. */
  shopIdOptional?: boolean
  errorFamily: ErrorFamily
  handle(ctx: RouteContext): Reply | Promise<Reply>
}
