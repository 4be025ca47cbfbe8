/**
 * OS-level encryption as the vault needs it. Electron's `safeStorage` (async API) is
 * adapted to this in src/main/electron/safe-storage-cipher.ts; the browser host has none.
 */
export interface SecretCipher {
  isAvailable(): Promise<boolean>
  /** e.g. 'gnome_libsecret', 'kwallet5', 'keychain', 'dpapi' — or 'basic_text' (weak). */
  backend(): string
  encrypt(plain: string): Promise<Buffer>
  decrypt(data: Buffer): Promise<string>
}
