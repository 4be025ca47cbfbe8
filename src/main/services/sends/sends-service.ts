import { readFile } from 'node:fs/promises'
import { AppFailure } from '../../../shared/errors'
import type { SendDraft, SendLogEntry, SendPreview, SendStatus } from '../../../shared/sends'
import {
  checkAttachmentLimits,
  checkSend,
  describeIssue,
  type NormalisedSend,
  type SendIssue,
} from '../../../shared/sends-validate'
import type { ApiClient, ApiFile, ShopRef } from '../../api'
import { REDACTED } from '../../log/redact'
import type { FileRegistry } from '../files/file-registry'
import type { ShopDirectory, ShopProfile } from '../shops/shop-directory'
import {
  attachmentField,
  buildCurl,
  routeEndpoints,
  sendParams,
  sendUrl,
  shownParams,
} from './curl'
import { classifySendError } from './outcome'
import type { SendLog } from './send-log'

export type FilesLike = Pick<FileRegistry, 'info' | 'pathOf'>

export interface SendsDeps {
  api: ApiClient
  shops: ShopDirectory
  files: FilesLike
  /** Every send, single or bulk, lands here. */
  sendLog: SendLog
  /** Per-attempt timeout for sends; the client's default otherwise. */
  timeoutMs?: number
}

export interface SendOutcome {
  status: SendStatus
  messageCode: string | null
  errorCode?: string
  error?: string
  apiMessage?: string
  errorKey?: string
}

export function invalidSend(issues: readonly SendIssue[]): AppFailure {
  return new AppFailure('INVALID_INPUT', issues.map(describeIssue).join(' '), {
    fields: [...new Set(issues.map((i) => i.field))].join(','),
    reasons: issues.map((i) => `${i.field}.${i.reason}`).join(','),
  })
}

/** Single sends, previews and curl; the bulk runner reuses `deliver`. */
export class SendsService {
  private readonly api: ApiClient
  private readonly shops: ShopDirectory
  private readonly files: FilesLike
  readonly log: SendLog
  private readonly timeoutMs: number | undefined

  constructor(deps: SendsDeps) {
    this.api = deps.api
    this.shops = deps.shops
    this.files = deps.files
    this.log = deps.sendLog
    this.timeoutMs = deps.timeoutMs
  }

  defaultCountry(profileId: string): string {
    return this.shops.profile({ profileId }).defaultCountry
  }

  /** Validates against the active shop; refuses before any request. */
  prepare(draft: SendDraft): { send: NormalisedSend; shop: ShopProfile } {
    const shop = this.shops.callable('active')
    const { issues, send } = checkSend(draft, shop.defaultCountry)
    if (!send) throw invalidSend(issues)
    // Sizes as main sees the files, not as the page claims them.
    const sizes = send.attachments.map((a) => this.files.info(a.fileId).size)
    const limits = checkAttachmentLimits(sizes)
    if (limits.length > 0) throw invalidSend(limits)
    return { send, shop }
  }

  preview(draft: SendDraft): SendPreview {
    const { send, shop } = this.prepare(draft)
    const multipart = send.attachments.length > 0
    return {
      method: 'POST',
      url: sendUrl(send.route, shop.apiHost),
      encoding: multipart ? 'multipart' : 'json',
      params: shownParams(send, shop.shopId, REDACTED),
      files: send.attachments.map((a, i) => ({
        field: attachmentField(i),
        filename: a.name,
        size: this.files.info(a.fileId).size,
      })),
      curl: buildCurl(send, shop.apiHost, shop.shopId),
    }
  }

  async send(draft: SendDraft): Promise<SendLogEntry> {
    const { send, shop } = this.prepare(draft)
    const files = await this.loadAttachments(send)
    const outcome = await this.deliver(send, { profileId: shop.profileId }, files)
    return this.log.add({
      profileId: shop.profileId,
      route: send.route,
      campaign: send.code,
      email: send.email ?? null,
      phone: send.phone ?? null,
      source: 'single',
      ...(files.length ? { attachments: files.length } : {}),
      ...outcome,
    })
  }

  /** One request, never retried by us (the client retries only provably unsent ones). */
  async deliver(
    send: NormalisedSend,
    shop: ShopRef,
    files: readonly ApiFile[] = [],
    signal?: AbortSignal,
  ): Promise<SendOutcome> {
    try {
      const result = await this.api.call(routeEndpoints[send.route], shop, sendParams(send), {
        ...(files.length ? { files } : {}),
        ...(signal ? { signal } : {}),
        ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}),
      })
      return { status: 'sent', messageCode: result.data.code ?? null }
    } catch (err) {
      return { messageCode: null, ...classifySendError(err) }
    }
  }

  private async loadAttachments(send: NormalisedSend): Promise<ApiFile[]> {
    const out: ApiFile[] = []
    for (const [i, a] of send.attachments.entries()) {
      const data = await readFile(this.files.pathOf(a.fileId))
      out.push({ field: attachmentField(i), filename: a.name, data: new Uint8Array(data) })
    }
    // Read sizes can differ from registered ones if the file changed on disk since.
    const limits = checkAttachmentLimits(out.map((f) => (f.data as Uint8Array).byteLength))
    if (limits.length > 0) throw invalidSend(limits)
    return out
  }
}
