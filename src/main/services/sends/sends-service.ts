import { readFile } from 'node:fs/promises'
import { UTC, addDays, today } from '../../../shared/days'
import { AppFailure, keyedFailure } from '../../../shared/errors'
import type { IntakeFile } from '../../../shared/files'
import type { ShopsState } from '../../../shared/shops'
import type {
  NotificationStatus,
  SendDraft,
  SendLogEntry,
  SendPreview,
  SendStatus,
} from '../../../shared/sends'
import {
  checkAttachmentLimits,
  checkSend,
  describeIssue,
  type NormalisedSend,
  type SendIssue,
} from '../../../shared/sends-validate'
import type { ApiClient, ApiFile, ShopCredentials } from '../../api'
import { attachmentField, buildCurl, routePaths, sendParams } from './curl'
import { classifySendError } from './outcome'
import type { SendLog } from './send-log'

export interface ShopsLike {
  state(): ShopsState
  credentials(id: string): ShopCredentials
  activeCredentials(): ShopCredentials
}

export interface FilesLike {
  info(fileId: string): IntakeFile
  pathOf(fileId: string): string
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

/** Single sends, previews, curl and status checks; the bulk runner reuses `deliver`. */
export class SendsService {
  constructor(
    private readonly api: ApiClient,
    private readonly shops: ShopsLike,
    private readonly files: FilesLike,
    readonly log: SendLog,
    /** Per-attempt timeout for sends; the client's default otherwise. */
    private readonly timeoutMs?: number,
  ) {}

  defaultCountry(profileId: string): string {
    return this.shops.state().shops.find((s) => s.id === profileId)?.defaultCountry ?? 'US'
  }

  /** Validates against the active shop; refuses before any request. */
  prepare(draft: SendDraft): { send: NormalisedSend; creds: ShopCredentials } {
    const creds = this.shops.activeCredentials()
    const { issues, send } = checkSend(draft, this.defaultCountry(creds.profileId))
    if (!send) throw invalidSend(issues)
    // Sizes as main sees the files, not as the page claims them.
    const sizes = send.attachments.map((a) => this.files.info(a.fileId).size)
    const limits = checkAttachmentLimits(sizes)
    if (limits.length > 0) throw invalidSend(limits)
    return { send, creds }
  }

  preview(draft: SendDraft): SendPreview {
    const { send, creds } = this.prepare(draft)
    const multipart = send.attachments.length > 0
    return {
      method: 'POST',
      url: new URL(routePaths[send.route].slice(1), withSlash(creds.apiHost)).toString(),
      encoding: multipart ? 'multipart' : 'json',
      params: sendParams(send, creds.shopId, '[redacted]'),
      files: send.attachments.map((a, i) => ({
        field: attachmentField(i),
        filename: a.name,
        size: this.files.info(a.fileId).size,
      })),
      curl: buildCurl(send, creds.apiHost, creds.shopId),
    }
  }

  curl(draft: SendDraft): string {
    const { send, creds } = this.prepare(draft)
    return buildCurl(send, creds.apiHost, creds.shopId)
  }

  async send(draft: SendDraft): Promise<SendLogEntry> {
    const { send, creds } = this.prepare(draft)
    const files = await this.loadAttachments(send)
    const outcome = await this.deliver(send, creds, files)
    return this.log.add({
      profileId: creds.profileId,
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
    creds: ShopCredentials,
    files: readonly ApiFile[] = [],
    signal?: AbortSignal,
  ): Promise<SendOutcome> {
    const endpoint = send.route === 'sms' ? 'sms.transactional' : 'transact'
    const { shop_id: _id, shop_secret: _secret, ...params } = sendParams(send, '', '')
    try {
      const result = await this.api.call(endpoint, creds, params, {
        ...(files.length ? { files } : {}),
        ...(signal ? { signal } : {}),
        ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}),
      })
      return { status: 'sent', messageCode: result.data.code ?? null }
    } catch (err) {
      return { messageCode: null, ...classifySendError(err) }
    }
  }

  async status(code: string): Promise<NotificationStatus> {
    const creds = this.shops.activeCredentials()
    const trimmed = code.trim()
    if (!trimmed) throw keyedFailure('INVALID_INPUT', 'message-code-required')
    const result = await this.api.call('notifications.status', creds, { code: trimmed })
    return { code: trimmed, data: result.data }
  }

  /**
   * "Check in notification history" for a send whose outcome is unknown: the recipient's
   * transactional messages since yesterday (no message code exists to look up).
   */
  async history(entryId: string): Promise<unknown> {
    const creds = this.shops.activeCredentials()
    const who = this.log.reveal(creds.profileId, entryId)
    if (!who) throw keyedFailure('NOT_FOUND', 'send-gone')
    const since = addDays(today(UTC), -1)
    const result = await this.api.call('notifications.list', creds, {
      ...(who.email ? { email: who.email } : { phone: who.phone }),
      date_from: since,
      type: 'transactional',
      channel: 'email,sms,web_push,mobile_push',
      limit: 50,
    })
    return result.data
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

function withSlash(host: string): string {
  return host.endsWith('/') ? host : `${host}/`
}
