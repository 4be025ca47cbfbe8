import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SecretRegistry } from '../../../src/main/log/redact'
import type { SecretCipher } from '../../../src/main/services/vault/secret-cipher'
import { Vault } from '../../../src/main/services/vault/vault'

/** Stands in for the OS keyring: reversible, but never stores the plain text. */
function xorCipher(backend: string, available = true): SecretCipher {
  const key = 0x5a
  return {
    isAvailable: async () => available,
    backend: () => backend,
    encrypt: async (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ key)),
    decrypt: async (data) => Buffer.from([...data].map((b) => b ^ key)).toString('utf8'),
  }
}

const SECRET = 'very-secret-key-123'

async function vaultIn(dir: string, cipher: SecretCipher | null) {
  return Vault.open({ dataDir: dir, cipher, secrets: new SecretRegistry() })
}

describe('vault', () => {
  it('encrypts with a real keyring, file 0600, and reads it back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const v = await vaultIn(dir, xorCipher('gnome_libsecret'))
    expect(v.status()).toEqual({ mode: 'encrypted', reason: null, canChooseWeak: false })
    await v.set('shop-1', SECRET)
    const file = await readFile(join(dir, 'secrets.json'), 'utf8')
    expect(file).not.toContain(SECRET)
    expect(file).not.toContain(Buffer.from(SECRET).toString('base64'))
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600)
    const again = await vaultIn(dir, xorCipher('gnome_libsecret'))
    expect(again.get('shop-1')).toBe(SECRET)
    expect(again.storageOf('shop-1')).toBe('encrypted')
  })

  it('keeps secrets in memory only on basic_text, until weak storage is chosen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const v = await vaultIn(dir, xorCipher('basic_text'))
    expect(v.status()).toEqual({ mode: 'memory', reason: 'basic-text', canChooseWeak: true })
    await v.set('shop-1', SECRET)
    expect(v.storageOf('shop-1')).toBe('memory')
    expect(await readFile(join(dir, 'secrets.json'), 'utf8').catch(() => '')).not.toContain(
      'shop-1',
    )
    expect((await vaultIn(dir, xorCipher('basic_text'))).has('shop-1')).toBe(false)

    await v.setAllowWeak(true, ['shop-1'])
    expect(v.status().mode).toBe('weak')
    expect(v.storageOf('shop-1')).toBe('weak')
    expect((await vaultIn(dir, xorCipher('basic_text'))).get('shop-1')).toBe(SECRET)

    await v.setAllowWeak(false, ['shop-1'])
    expect(v.storageOf('shop-1')).toBe('memory')
    expect((await vaultIn(dir, xorCipher('basic_text'))).has('shop-1')).toBe(false)
  })

  it('without any encryption, weak storage is plain text in a private file, only when chosen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const v = await vaultIn(dir, xorCipher('unknown', false))
    expect(v.status()).toEqual({ mode: 'memory', reason: 'no-encryption', canChooseWeak: true })
    await v.setAllowWeak(true, [])
    await v.set('s', SECRET)
    expect((await vaultIn(dir, xorCipher('unknown', false))).get('s')).toBe(SECRET)
  })

  it('is memory-only in the browser host and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const v = await vaultIn(dir, null)
    expect(v.status()).toEqual({ mode: 'memory', reason: 'browser-host', canChooseWeak: false })
    await v.set('s', SECRET)
    expect(v.get('s')).toBe(SECRET)
    expect((await vaultIn(dir, null)).has('s')).toBe(false)
  })

  it('registers secrets for redaction and forgets them on delete', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const registry = new SecretRegistry()
    const v = await Vault.open({ dataDir: dir, cipher: xorCipher('keychain'), secrets: registry })
    await v.set('s', SECRET)
    expect(registry.scrubText(`oops ${SECRET}`)).toBe('oops [redacted]')
    await v.delete('s')
    expect(v.has('s')).toBe(false)
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('"s"')
  })

  it('a secret that no longer decrypts asks for re-entry instead of breaking start-up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-vault-'))
    const v = await vaultIn(dir, xorCipher('keychain'))
    await v.set('s', SECRET)
    const broken: SecretCipher = {
      ...xorCipher('keychain'),
      decrypt: () => Promise.reject(new Error('key rotated')),
    }
    const again = await vaultIn(dir, broken)
    expect(again.has('s')).toBe(false)
  })
})
