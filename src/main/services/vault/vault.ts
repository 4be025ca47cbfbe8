import { join } from 'node:path'
import { z } from 'zod'
import type { SecretStorage, VaultMode, VaultStatus } from '../../../shared/shops'
import type { SecretRegistry } from '../../log/redact'
import { readJsonFile, writeJsonFile } from '../../store/json-file'
import type { SecretCipher } from './secret-cipher'

const fileSchema = z.object({
  allowWeak: z.boolean().default(false),
  entries: z
    .record(z.string(), z.object({ format: z.enum(['os', 'weak-os', 'plain']), data: z.string() }))
    .default({}),
})
type VaultFile = z.infer<typeof fileSchema>

export interface VaultDeps {
  dataDir: string
  /** The OS keyring's encryption; null where there is none (the browser host). */
  cipher: SecretCipher | null
  /** Every secret read or stored is registered here, so logs and errors never show it. */
  secrets: SecretRegistry
}

/**
 * Shop secrets. Encrypted with the OS keyring when there is a real one; otherwise kept in
 * memory only (lost on quit) unless the marketer explicitly accepts weak storage. The
 * renderer never sees a secret: only whether a shop has one and how it is kept.
 */
export class Vault {
  private readonly path: string
  private file: VaultFile = { allowWeak: false, entries: {} }
  private readonly memory = new Map<string, string>()
  private cipherUsable = false

  private readonly cipher: SecretCipher | null
  private readonly registry: SecretRegistry

  private constructor(deps: VaultDeps) {
    this.path = join(deps.dataDir, 'secrets.json')
    this.cipher = deps.cipher
    this.registry = deps.secrets
  }

  static async open(deps: VaultDeps): Promise<Vault> {
    const vault = new Vault(deps)
    await vault.load()
    return vault
  }

  private async load(): Promise<void> {
    this.cipherUsable = this.cipher ? await this.cipher.isAvailable() : false
    this.file = await readJsonFile(this.path, fileSchema, { allowWeak: false, entries: {} })
    for (const [id, entry] of Object.entries(this.file.entries)) {
      try {
        const secret =
          entry.format === 'plain'
            ? Buffer.from(entry.data, 'base64').toString('utf8')
            : await this.cipher!.decrypt(Buffer.from(entry.data, 'base64'))
        this.remember(id, secret)
      } catch {
        // Unreadable (keyring changed, file copied from another machine): the shop asks for
        // its secret again instead of the console failing to start.
        delete this.file.entries[id]
      }
    }
  }

  status(): VaultStatus {
    if (!this.cipher) return { mode: 'memory', reason: 'browser-host', canChooseWeak: false }
    if (!this.cipherUsable) {
      return { mode: this.weakMode(), reason: 'no-encryption', canChooseWeak: true }
    }
    if (this.cipher.backend() === 'basic_text') {
      return { mode: this.weakMode(), reason: 'basic-text', canChooseWeak: true }
    }
    return { mode: 'encrypted', reason: null, canChooseWeak: false }
  }

  has(id: string): boolean {
    return this.memory.has(id)
  }

  get(id: string): string | null {
    return this.memory.get(id) ?? null
  }

  storageOf(id: string): SecretStorage {
    if (!this.memory.has(id)) return 'none'
    const entry = this.file.entries[id]
    if (!entry) return 'memory'
    return entry.format === 'os' ? 'encrypted' : 'weak'
  }

  async set(id: string, secret: string): Promise<void> {
    this.remember(id, secret)
    await this.persist(id)
  }

  /** Keeps a secret for this session only (the Demo shop's, which changes every launch). */
  setEphemeral(id: string, secret: string): void {
    this.remember(id, secret)
  }

  async delete(id: string): Promise<void> {
    const old = this.memory.get(id)
    if (old) this.registry.delete(old)
    this.memory.delete(id)
    if (this.file.entries[id]) {
      delete this.file.entries[id]
      await writeJsonFile(this.path, this.file)
    }
  }

  /** The marketer's explicit choice on a machine without a real keyring. */
  async setAllowWeak(allow: boolean, ids: readonly string[]): Promise<void> {
    this.file.allowWeak = allow
    if (!allow) {
      for (const [id, entry] of Object.entries(this.file.entries)) {
        if (entry.format !== 'os') delete this.file.entries[id]
      }
      await writeJsonFile(this.path, this.file)
      return
    }
    await writeJsonFile(this.path, this.file)
    for (const id of ids) if (this.memory.has(id)) await this.persist(id)
  }

  private weakMode(): VaultMode {
    return this.file.allowWeak ? 'weak' : 'memory'
  }

  private remember(id: string, secret: string): void {
    this.memory.set(id, secret)
    this.registry.add(secret)
  }

  private async persist(id: string): Promise<void> {
    const secret = this.memory.get(id)
    if (!secret) return
    const mode = this.status().mode
    if (mode === 'memory') return
    if (mode === 'encrypted' || this.cipherUsable) {
      const data = (await this.cipher!.encrypt(secret)).toString('base64')
      this.file.entries[id] = { format: mode === 'encrypted' ? 'os' : 'weak-os', data }
    } else {
      this.file.entries[id] = { format: 'plain', data: Buffer.from(secret).toString('base64') }
    }
    await writeJsonFile(this.path, this.file)
  }
}
