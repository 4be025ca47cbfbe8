// The app's icon set, drawn from one source (build/icon.svg) by Debian's Chromium:
// build/icon.png (1024 px, which electron-builder turns into .icns and .ico) and
// build/icons/NxN.png (16–512 px) for Linux desktops. Run after changing the SVG: npm run icons
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { chromium } from '@playwright/test'

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const svg = await readFile(new URL('../build/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
})
try {
  await mkdir(new URL('../build/icons/', import.meta.url), { recursive: true })
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    )
    const png = await page.screenshot({ omitBackground: true })
    // 1024 px is the master electron-builder converts; Linux desktops take up to 512.
    const name = size === 1024 ? '../build/icon.png' : `../build/icons/${size}x${size}.png`
    await writeFile(new URL(name, import.meta.url), png)
    await page.close()
  }
} finally {
  await browser.close()
}
console.log(`Wrote build/icon.png and build/icons/ (${SIZES.join(', ')} px).`)
