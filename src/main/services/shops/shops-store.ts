import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

export const storedShopSchema = z.object({
  id: z.string(),
  label: z.string(),
  apiHost: z.string(),
  shopId: z.string(),
  defaultCountry: z.string(),
  timeZone: z.string(),
})
export type StoredShop = z.infer<typeof storedShopSchema>

const fileSchema = z.object({
  shops: z.array(storedShopSchema).default([]),
  activeId: z.string().nullable().default(null),
})
export type ShopsFile = z.infer<typeof fileSchema>

/** `shops.json`: everything about the shops except their secrets (those are in the vault). */
export class ShopsStore {
  private readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, 'shops.json')
  }

  read(): Promise<ShopsFile> {
    return readJsonFile(this.path, fileSchema, { shops: [], activeId: null })
  }

  write(file: ShopsFile): Promise<void> {
    return writeJsonFile(this.path, file)
  }
}
