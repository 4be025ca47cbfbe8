import type { CsvDialects } from '../../feature'
import { Readable } from 'node:stream'
import type { ExportedFile, IntakeFile } from '../../../shared/files'
import type { CsvDialect } from '../files/csv'
import type {
  CatalogueGaps,
  CategoryNode,
  GapsFilter,
  ProductLookup,
  SearchGaps,
  SearchGapsFilter,
  WaitKind,
  WaitingProduct,
} from '../../../shared/products'
import type { ApiClient } from '../../api'
import type { FileRegistry } from '../files/file-registry'
import type { ShopDirectory } from '../shops/shop-directory'
import { categoryTree } from './categories'
import { catalogueGaps, gapsCsv } from './gaps'
import { lookupProduct } from './lookup'
import { ProductNames } from './names'
import { searchGaps, searchGapsCsv } from './search-gaps'
import { waitingContactsCsv, waitingProducts } from './waiting'

export interface ProductsServiceOptions {
  api: ApiClient
  shops: ShopDirectory
  files: FileRegistry
  /** The hand-off to a bulk send is written in the marketer's language, as an export is. */
  csvDialect: CsvDialects
  now?: () => number
}

/** Largest contact list handed to a bulk send (a product's waiting list is far smaller). */
const MAX_HANDOFF_BYTES = 64 * 1024 * 1024

/** The active shop's catalogue as PersonaClick sees it: reads, reasons and exports. */
export class ProductsService {
  private readonly names: ProductNames
  private readonly now: () => number

  constructor(private readonly opts: ProductsServiceOptions) {
    this.now = opts.now ?? Date.now
    this.names = new ProductNames(opts.api, this.now)
  }

  async lookup({ itemId }: { itemId: string }): Promise<ProductLookup> {
    const shop = this.opts.shops.profile('active')
    const found = await lookupProduct(
      this.opts.api,
      { profileId: shop.profileId },
      itemId,
      this.now,
    )
    this.names.remember(shop.profileId, itemId, found.card.name)
    return found
  }

  gaps(): Promise<CatalogueGaps> {
    return catalogueGaps(this.opts.api, 'active')
  }

  async gapsExport(filter: GapsFilter, dialect: CsvDialect): Promise<ExportedFile> {
    return gapsCsv(await this.gaps(), filter, dialect)
  }

  categories(): Promise<CategoryNode[]> {
    return categoryTree(this.opts.api, 'active')
  }

  searchGaps(): Promise<SearchGaps> {
    return searchGaps(this.opts.api, 'active')
  }

  async searchGapsExport(filter: SearchGapsFilter, dialect: CsvDialect): Promise<ExportedFile> {
    return searchGapsCsv(await this.searchGaps(), filter, dialect)
  }

  waiting({ kind }: { kind: WaitKind }): Promise<WaitingProduct[]> {
    return waitingProducts(this.opts.api, this.names, this.opts.shops.callable('active'), kind)
  }

  waitingExport(q: { kind: WaitKind; itemId: string }, dialect: CsvDialect): Promise<ExportedFile> {
    const shop = this.opts.shops.callable('active')
    return waitingContactsCsv(this.opts.api, this.names, shop, q.kind, q.itemId, dialect)
  }

  /**
   * The same CSV as a file handle the bulk send screen opens as its recipient list: the
   * hand-off goes through the file intake every bulk send uses, so the send's own
   * detection, mapping, checks and snapshot apply unchanged.
   */
  async waitingHandoff(q: { kind: WaitKind; itemId: string }): Promise<IntakeFile> {
    const file = await this.waitingExport(q, this.opts.csvDialect())
    return this.opts.files.registerUpload(
      file.filename,
      Readable.from([Buffer.from(file.content, 'utf8')]),
      MAX_HANDOFF_BYTES,
    )
  }
}
