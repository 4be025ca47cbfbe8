import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'

// Null where the binary was never downloaded (offline machines such as this project's CI).
const binary = findElectronBinary()

test.describe('Electron app', () => {
  test.skip(binary === null, 'Electron binary is not installed on this machine (offline install)')

  test('starts sandboxed with one bridge object and no Node', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'pc-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${userData}`],
    })
    const page = await app.firstWindow()
    await expect(page.getByTestId('view-overview')).toBeVisible()
    expect(await page.evaluate(() => Object.keys(window.pc).sort())).toEqual(['invoke', 'on'])
    expect(await page.evaluate(() => [typeof require, typeof process])).toEqual([
      'undefined',
      'undefined',
    ])
    await page.evaluate(() => window.open('https://example.com/'))
    expect(app.windows().length).toBe(1)
    await app.close()
  })
})
