import { readFile } from 'node:fs/promises'
import { expect, expectNoAxeViolations, test } from './support/fixtures'

/**
 * NPS analytics on the Demo shop, through the browser host: the real service fetches the
 * in-process sandbox over HTTP, so the numbers on screen are the sandbox's.
 */
test.describe('NPS analytics', () => {
  test('period, channel filter, trend point to reviews, CSV export, axe light and dark', async ({
    app,
  }) => {
    // A year of reviews fetched window by window plus four axe scans of a chart-heavy
    // screen: ~40 s on a 2-core CI machine, too close to the default 60 s.
    test.setTimeout(150_000)
    await app.setViewportSize({ width: 1280, height: 900 })
    await app.getByTestId('nav-nps').click()
    await expect(app.getByTestId('view-nps')).toBeVisible()
    const total = app.getByTestId('nps-total')
    await expect(total).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('nps-last-refreshed')).not.toContainText('Not refreshed')
    const last30 = Number((await total.innerText()).replace(/\D/g, ''))
    expect(last30).toBeGreaterThan(1000)
    // The period ends today, so its last day is marked as still running.
    await expect(
      app.getByText(/\d{4}-\d{2}-\d{2} is still running: its line is dashed/),
    ).toBeVisible()

    // Change period: 7 days has fewer responses than 30.
    await app.getByTestId('nps-preset').click()
    await app.getByRole('option', { name: 'Last 7 days' }).click()
    await expect(total).not.toHaveText(String(last30), { timeout: 30_000 })
    await expect(app.getByTestId('nps-period')).toBeVisible()
    const last7 = Number((await total.innerText()).replace(/\D/g, ''))
    expect(last7).toBeLessThan(last30)
    expect(last7).toBeGreaterThan(0)

    // Filter by channel: the breakdown then shows that channel only.
    await app.getByTestId('nps-channel').click()
    await app.getByRole('option', { name: 'iOS mobile app' }).click()
    await expect(async () => {
      const n = Number((await total.innerText()).replace(/\D/g, ''))
      expect(n).toBeLessThan(last7)
    }).toPass({ timeout: 20_000 })
    await expect(app.getByTestId('nps-by-channel')).toBeVisible()

    // Click a point on the trend: the explorer shows that day's reviews.
    const canvas = app.getByTestId('nps-trend-canvas').locator('canvas')
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) throw new Error('no trend canvas')
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } })
    const dates = app.getByTestId('nps-comments-dates')
    await expect(dates).toBeVisible()
    await expect(dates).toContainText(/Dates: \d{4}-\d{2}-\d{2}/)
    await expect(app.getByTestId('nps-comments-count')).toContainText(/\d+ reviews?/)
    const rows = app.getByTestId('nps-comments-table').locator('tbody tr')
    await expect(rows.first()).toContainText(/\d/)

    // Back to the whole period.
    await app.getByTestId('nps-comments-clear-dates').click()
    await expect(dates).toBeHidden()

    // Export CSV.
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByTestId('nps-export').click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^nps-reviews-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    )
    const csv = await readFile((await download.path()) ?? '', 'utf8')
    expect(csv.startsWith('\uFEFFResponse ID,Time (UTC),Score,Group,Channel')).toBe(true)
    const lines = csv.trimEnd().split('\r\n')
    const shown = Number((await total.innerText()).replace(/\D/g, ''))
    expect(lines.length - 1).toBe(shown)
    expect(lines.slice(1).every((l) => l.includes(',ios_app,'))).toBe(true)

    // PNG of a chart.
    const [png] = await Promise.all([
      app.waitForEvent('download'),
      app.getByTestId('nps-distribution-png').click(),
    ])
    expect(png.suggestedFilename()).toMatch(/^nps-scores-.*\.png$/)

    await expectNoAxeViolations(app)
    await app.evaluate(() => window.pc.invoke('settings:update', { theme: 'dark' }))
    await expect(app.locator('html')).toHaveClass(/app-dark/)
    await expectNoAxeViolations(app)
  })
})
