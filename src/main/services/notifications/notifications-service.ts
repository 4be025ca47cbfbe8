import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { z } from 'zod'
import { normaliseEmail, normalisePhone } from '../../../shared/contacts'
import { AppFailure, keyedFailure } from '../../../shared/errors'
import type { ExportedFile } from '../../../shared/files'
import {
  NOTIFICATIONS_PAGE_LIMIT,
  statisticKeys,
  type IdentifierKind,
  type MessageStatusReading,
  type NotificationMessage,
  type NotificationsPage,
  type NotificationsQuery,
  type SearchChoices,
  searchChoicesSchema,
} from '../../../shared/notifications'
import { toMessage } from '../../../shared/notification-status'
import type { ApiClient } from '../../api'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'
import { fetchImage } from './image-fetch'
import { readJsonFile, writeJsonFile } from '../../store/json-file'
import type { ShopDirectory } from '../shops/shop-directory'

const choicesPath = (dataDir: string): string => join(dataDir, 'notifications', 'choices.json')

export interface NotificationsDeps {
  dataDir: string
  api: ApiClient
  shops: ShopDirectory
  /** Preview images; tests give a fake. */
  fetchImage?: (url: string) => Promise<string | null>
}

const choicesFileSchema = z.record(z.string(), searchChoicesSchema)

/** The identifier as PersonaClick stores it (the import's rule), or null when unusable. */
export function normaliseIdentifier(
  kind: IdentifierKind,
  raw: string,
  defaultCountry: string,
): string | null {
  if (kind === 'email') return normaliseEmail(raw)
  if (kind === 'phone') return normalisePhone(raw, defaultCountry)
  const v = raw.trim()
  return v === '' ? null : v
}

/**
 * The query of one GET /notifications request. Every required parameter is always there
 * (the schema refuses empty types or channels before this), the limit is the API's maximum
 * of 50, and date_from stays the YYYY-MM-DD day the marketer chose.
 */
export function notificationsParams(
  q: NotificationsQuery,
  identifier: string,
  page: number,
): Record<string, string | number> {
  return {
    [q.identifierKind]: identifier,
    date_from: q.dateFrom,
    type: q.types.join(','),
    channel: q.channels.join(','),
    page,
    limit: NOTIFICATIONS_PAGE_LIMIT,
  }
}

interface LoadedSearch {
  key: string
  identifier: string
  pages: NotificationMessage[][]
}

const searchKey = (profileId: string, q: NotificationsQuery): string =>
  JSON.stringify([
    profileId,
    q.identifierKind,
    q.identifier.trim(),
    q.dateFrom,
    [...q.types].sort(),
    [...q.channels].sort(),
  ])

/** A customer's message history and a message's status, for the active shop. */
export class NotificationsService {
  private readonly api: ApiClient
  private readonly shops: ShopDirectory
  private readonly choicesPath: string
  private readonly fetchImage: (url: string) => Promise<string | null>
  /** The pages of the newest search, for "export what is loaded". */
  private loaded: LoadedSearch | null = null

  private constructor(
    deps: NotificationsDeps,
    private readonly saved: Record<string, SearchChoices>,
  ) {
    this.api = deps.api
    this.shops = deps.shops
    this.choicesPath = choicesPath(deps.dataDir)
    this.fetchImage = deps.fetchImage ?? ((url) => fetchImage(url))
  }

  static async open(deps: NotificationsDeps): Promise<NotificationsService> {
    const saved = await readJsonFile(choicesPath(deps.dataDir), choicesFileSchema, {})
    return new NotificationsService(deps, saved)
  }

  /** The identifier kind, types and channels of the active shop's last search. */
  choices(): SearchChoices | null {
    return this.saved[this.shops.profile('active').profileId] ?? null
  }

  async search(input: NotificationsQuery & { page: number }): Promise<NotificationsPage> {
    const { page, ...q } = input
    const shop = this.shops.callable('active')
    const identifier = normaliseIdentifier(q.identifierKind, q.identifier, shop.defaultCountry)
    if (identifier === null) {
      throw keyedFailure('INVALID_INPUT', 'notifications-identifier-invalid', {
        kind: q.identifierKind,
      })
    }
    const key = searchKey(shop.profileId, q)
    const result = await this.api.call(
      'notifications.list',
      { profileId: shop.profileId },
      notificationsParams(q, identifier, page),
    )
    const messages = result.data.messages.map((m) => toMessage(m))
    if (page === 1) await this.remember(shop.profileId, q)
    if (page === 1 || this.loaded?.key !== key) this.loaded = { key, identifier, pages: [] }
    this.loaded.pages[page - 1] = messages
    return {
      identifier,
      page,
      messages,
      hasMore: messages.length >= NOTIFICATIONS_PAGE_LIMIT,
      loaded: this.loaded.pages.reduce((n, p) => n + p.length, 0),
    }
  }

  private async remember(profileId: string, q: NotificationsQuery): Promise<void> {
    this.saved[profileId] = {
      identifierKind: q.identifierKind,
      types: [...q.types],
      channels: [...q.channels],
    }
    await mkdir(dirname(this.choicesPath), { recursive: true })
    await writeJsonFile(this.choicesPath, this.saved)
  }

  /** What the screen has loaded for this search, as formula-safe CSV. */
  exportCsv(q: NotificationsQuery, dialect: CsvDialect): ExportedFile {
    const shop = this.shops.profile('active')
    const loaded = this.loaded
    if (!loaded || loaded.key !== searchKey(shop.profileId, q)) {
      throw keyedFailure('NOT_FOUND', 'notifications-search-gone')
    }
    const local = (iso: string | null): string =>
      iso ? format(new TZDate(iso, shop.timeZone), 'yyyy-MM-dd HH:mm:ss') : ''
    const { columns, values, yes } = dialect.words
    const header = headerOf(columns.notifications).map((h) => h.replace('{zone}', shop.timeZone))
    const safeId = loaded.identifier.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 60)
    return csvExport(
      `messages-${safeId}-from-${q.dateFrom}.csv`,
      [...header, ...statisticKeys.map((k) => values.statistics[k])],
      loaded.pages
        .flat()
        .map((m) => [
          m.sentAt ?? m.date,
          local(m.sentAt),
          m.type,
          m.channel,
          m.subject,
          m.campaignId,
          m.code,
          m.url,
          ...statisticKeys.map((k) => (m.statistics[k] ? yes : '')),
        ]),
      dialect,
    )
  }

  /** Fetched one after another: a preview has a handful of images, and no hurry. */
  async images({ urls }: { urls: string[] }): Promise<Record<string, string | null>> {
    const out: Record<string, string | null> = {}
    for (const url of new Set(urls)) out[url] = await this.fetchImage(url)
    return out
  }

  /**
   * A message's status by the code /transact returned, in words. "No such message" is an
   * answer here, not a failure: PersonaClick says it with a 404.
   */
  async status({ code }: { code: string }): Promise<MessageStatusReading> {
    const trimmed = code.trim()
    if (!trimmed) throw keyedFailure('INVALID_INPUT', 'message-code-required')
    try {
      const result = await this.api.call('notifications.status', 'active', { code: trimmed })
      return { code: trimmed, ...result.data }
    } catch (err) {
      if (err instanceof AppFailure && err.appError.code === 'API_NOT_FOUND') {
        const apiMessage = err.appError.details?.apiMessage
        return {
          code: trimmed,
          state: 'not-found',
          said: typeof apiMessage === 'string' && apiMessage ? apiMessage : 'HTTP 404',
        }
      }
      throw err
    }
  }
}
