import type { CategoryNode } from '../../../shared/products'
import type { ApiClient, ShopRef } from '../../api'
import type { ProductCategory } from '../../api/answers'

function nodeOf(c: ProductCategory): CategoryNode {
  return {
    id: String(c.id),
    externalId:
      c.external_id === null || c.external_id === undefined ? null : String(c.external_id),
    name: c.name,
    url: c.url ?? '',
    children: (c.children ?? []).map(nodeOf),
  }
}

/** The whole category tree (no depth limit), children nested in their parent. */
export async function categoryTree(api: ApiClient, shop: ShopRef): Promise<CategoryNode[]> {
  const { data } = await api.call('products.categories', shop)
  return data.map(nodeOf)
}
