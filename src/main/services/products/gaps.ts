import type { ExportedFile } from '../../../shared/files'
import {
  filterGaps,
  gapReasons,
  gapReasonsOf,
  type CatalogueGaps,
  type GapReason,
  type GapRow,
  type GapsFilter,
} from '../../../shared/products'
import type { ApiClient, ShopRef } from '../../api'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'

/** /products/not_widgetable with each product's reasons spelled out and counted. */
export async function catalogueGaps(api: ApiClient, shop: ShopRef): Promise<CatalogueGaps> {
  const { data } = await api.call('products.notWidgetable', shop)
  const rows: GapRow[] = data.items.map((item) => ({
    itemId: String(item.uniqid),
    name: item.name ?? '',
    price: item.price ?? null,
    url: item.url ?? '',
    imageUrl: item.image_url ?? '',
    imageError: item.image_downloading_error ?? '',
    reasons: gapReasonsOf(item),
  }))
  const counts = Object.fromEntries(gapReasons.map((r) => [r, 0])) as Record<GapReason, number>
  for (const row of rows) for (const r of row.reasons) counts[r] += 1
  return { total: data.total, rows, counts }
}

/** For the catalogue team: one row per product, the reasons as words, formula-safe. */
export function gapsCsv(
  gaps: CatalogueGaps,
  filter: GapsFilter,
  dialect: CsvDialect,
): ExportedFile {
  const rows = filterGaps(gaps.rows, filter)
  const { columns, yes } = dialect.words
  const has = (r: GapRow, reason: GapReason): string => (r.reasons.includes(reason) ? yes : '')
  return csvExport(
    `catalogue-gaps${filter.reason ? `-${filter.reason}` : ''}.csv`,
    headerOf(columns.gaps),
    rows.map((r) => [
      r.itemId,
      r.name,
      r.price,
      r.url,
      has(r, 'name'),
      has(r, 'price'),
      has(r, 'url'),
      has(r, 'image'),
      r.imageError,
    ]),
    dialect,
  )
}
