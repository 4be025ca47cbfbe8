import { normaliseEmail, normalisePhone } from '../../../shared/contacts'
import { keyedFailure } from '../../../shared/errors'
import type { ExportedFile } from '../../../shared/files'
import type { WaitKind, WaitingProduct } from '../../../shared/products'
import type { ApiClient } from '../../api'
import { csvExport, type CsvDialect } from '../files/csv'
import type { ShopProfile } from '../shops/shop-directory'
import type { ProductNames } from './names'

const endpointOf = {
  stock: 'products.subscribersStock',
  price: 'products.subscribersPrice',
} as const

type Subscription = {
  id: string | number
  barcode?: string | null
  quantity: number
  date?: string | null
  contacts: string[]
}

async function subscriptions(
  api: ApiClient,
  shop: ShopProfile,
  kind: WaitKind,
): Promise<Subscription[]> {
  const { data } = await api.call(endpointOf[kind], { profileId: shop.profileId })
  return data
}

/**
 * Products customers wait for (back in stock, or a lower price), with their names from the
 * catalogue. The subscriber count is the number of contacts listed; the API's `quantity`
 * is described ambiguously ("Number of products that have subscribers").
 */
export async function waitingProducts(
  api: ApiClient,
  names: ProductNames,
  shop: ShopProfile,
  kind: WaitKind,
): Promise<WaitingProduct[]> {
  const rows = await subscriptions(api, shop, kind)
  const ids = rows.map((r) => String(r.id))
  const named = await names.namesOf(shop.profileId, { profileId: shop.profileId }, ids)
  return rows.map((r) => ({
    itemId: String(r.id),
    barcode: r.barcode ?? '',
    name: named.get(String(r.id)) ?? null,
    subscribers: r.contacts.length,
    lastDate: r.date ?? '',
  }))
}

/**
 * One product's waiting contacts as a CSV a bulk send can take: an email or a phone column
 * per contact (read the console's one way), with the product beside it.
 */
export async function waitingContactsCsv(
  api: ApiClient,
  names: ProductNames,
  shop: ShopProfile,
  kind: WaitKind,
  itemId: string,
  dialect: CsvDialect,
): Promise<ExportedFile> {
  const row = (await subscriptions(api, shop, kind)).find((r) => String(r.id) === itemId)
  if (!row) throw keyedFailure('NOT_FOUND', 'waiting-gone', { itemId })
  const name =
    (await names.namesOf(shop.profileId, { profileId: shop.profileId }, [itemId])).get(itemId) ?? ''
  const lines = row.contacts.map((raw) => {
    const email = raw.includes('@') ? normaliseEmail(raw) : null
    const phone = email ? null : normalisePhone(raw, shop.defaultCountry)
    return [email ?? (phone ? '' : raw), phone ?? '', itemId, name, kind]
  })
  // The product's columns keep their codes: a bulk send's template reads them by name.
  const { email, phone } = dialect.words.columns.waiting
  return csvExport(
    `waiting-${kind}-${itemId.replace(/[^\w.-]+/g, '_')}.csv`,
    [email, phone, 'product_id', 'product_name', 'waiting_for'],
    lines,
    dialect,
  )
}
