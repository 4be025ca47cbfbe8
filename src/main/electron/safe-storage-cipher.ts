import { safeStorage } from 'electron'
import type { SecretCipher } from '../services/vault/secret-cipher'

/** Electron's safeStorage, async API only (the sync one blocks and is deprecated). */
export const safeStorageCipher: SecretCipher = {
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  backend: () =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os-keychain',
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
}
