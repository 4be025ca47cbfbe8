import type { ExportedFile } from '../../../shared/files'
import {
  filterSearchGaps,
  type SearchGap,
  type SearchGaps,
  type SearchGapsFilter,
} from '../../../shared/products'
import type { ApiClient, ShopRef } from '../../api'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'

/**
 * /search/no_result_queries ranked by how often each query was made (the API promises no
 * order). Rows without a query (the reference's own example has one) are skipped and
 * counted, so the screen can say so instead of showing a blank query.
 */
export async function searchGaps(api: ApiClient, shop: ShopRef): Promise<SearchGaps> {
  const { data } = await api.call('search.noResultQueries', shop)
  const usable = data.filter(
    (r): r is typeof r & { query: string } => typeof r.query === 'string' && r.query.trim() !== '',
  )
  const rows: SearchGap[] = usable
    .map((r) => ({ rank: 0, query: r.query.trim(), quantity: r.quantity }))
    .sort((a, b) => b.quantity - a.quantity || a.query.localeCompare(b.query))
    .map((r, i) => ({ ...r, rank: i + 1 }))
  return { rows, skipped: data.length - usable.length }
}

export function searchGapsCsv(
  gaps: SearchGaps,
  filter: SearchGapsFilter,
  dialect: CsvDialect,
): ExportedFile {
  return csvExport(
    'search-gaps.csv',
    headerOf(dialect.words.columns.searchGaps),
    filterSearchGaps(gaps.rows, filter).map((r) => [r.rank, r.query, r.quantity]),
    dialect,
  )
}
