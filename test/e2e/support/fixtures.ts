import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { en } from '../../../src/renderer/src/i18n/en'
import { screenWords } from '../../../src/renderer/src/i18n/screen-words'
import { startHost, type RunningHost } from './host'

/** A new page opened on the host, once the console is connected and on the Overview. */
async function openApp(page: Page, host: RunningHost): Promise<Page> {
  await page.goto(await host.launchUrl())
  await expect(page.getByTestId('connection')).toHaveAttribute('class', /connected/)
  await expect(page.getByTestId('view-overview')).toBeVisible()
  return page
}

/** Each test gets its own browser host (own data folder) and a page opened on it. */
export const test = base.extend<{ host: RunningHost; app: Page }>({
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    await host.stop()
  },
  app: async ({ page, host }, use) => {
    await use(await openApp(page, host))
  },
})

/**
 * For tests that change nothing a later test could see (no settings, shops or jobs): one
 * host per test worker, a new page for each test. Starting a host is about two seconds of
 * a test that otherwise takes one or two.
 */
export const testOnSharedHost = base.extend<{ app: Page }, { host: RunningHost }>({
  host: [
    async ({}, use) => {
      const host = await startHost()
      await use(host)
      await host.stop()
    },
    { scope: 'worker' },
  ],
  app: async ({ page, host }, use) => {
    await use(await openApp(page, host))
  },
})

export { expect }

/**
 * A picture of the whole screen, below the fold too. Only the content scrolls (the window
 * never does), so Playwright's `fullPage` would see one window's worth: the viewport grows
 * by what the content hides, for the picture, then returns to its size.
 */
export async function screenshotWholeScreen(page: Page, path: string): Promise<void> {
  const size = page.viewportSize()!
  const hidden = await page.evaluate(() => {
    const main = document.getElementById('main')!
    return main.scrollHeight - main.clientHeight
  })
  await page.setViewportSize({ width: size.width, height: size.height + hidden })
  await page.screenshot({ path, animations: 'disabled' })
  await page.setViewportSize(size)
}

/**
 * WCAG 2 A and AA rules, as the issue asks; the list of violations must be empty.
 * Legacy mode runs axe in the page itself: the default mode opens a blank page per scan to
 * merge frame results (seconds each on a busy runner), and our only frames are message
 * bodies, which are the sender's markup, sandboxed without scripts, and not ours to judge.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .exclude('iframe[sandbox]')
    .setLegacyMode()
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  )
  expect(summary).toEqual([])
  expect(await comboboxesNamedByTheirValue(page)).toEqual([])
}

/**
 * Axe accepts a combobox whose only name is its current value (PrimeVue's Select names
 * itself so unless given a label), yet a screen reader then announces "As in the file"
 * six times over with no idea which choice is which. Each such combobox, by its value.
 */
async function comboboxesNamedByTheirValue(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="combobox"]:not(input)')]
      .filter((el) => !el.closest('[aria-hidden="true"]'))
      .filter((el) => {
        if (el.getAttribute('aria-labelledby')) return false
        const label = el.getAttribute('aria-label')?.trim()
        // A placeholder standing in for the label ("Open reviews for a period") is fine.
        if (el.classList.contains('p-placeholder')) return !label
        return !label || label === el.textContent?.trim()
      })
      .map((el) => el.textContent?.trim() || '(empty)'),
  )
}

/** The catalogue's top-level names: a text made of one of them and dotted parts is a bare key. */
const namespaces = [...Object.keys(en), ...Object.keys(screenWords)]

/**
 * Text a marketer cannot read whole: a label, button, cell, tab or heading whose words
 * wrap onto three lines or more, a box that cuts its text without an ellipsis, an
 * input whose placeholder is wider than the input, or a message key shown instead of its
 * words (a screen's words not loaded). Prose (paragraphs, hints, messages) may wrap
 * freely and is not judged. Each problem as "tag: text".
 */
export async function unreadableText(page: Page): Promise<string[]> {
  return page.evaluate((namespaces) => {
    const BARE_KEY = new RegExp(`^(${namespaces.join('|')})(\\.[\\w-]+)+$`)
    const DATE_OR_TIME = /\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b/
    const problems: string[] = []
    const compact =
      'td, th, button, a, label, h1, h2, h3, h4, [role="tab"], [role="option"], .p-tag, .p-select-label, legend, dt'
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && !el.closest('[aria-hidden="true"]')
    }
    const name = (el: Element, text: string) =>
      `${el.tagName.toLowerCase()}: ${text.replace(/\s+/g, ' ').trim().slice(0, 60)}`
    for (const el of document.querySelectorAll(compact)) {
      if (!visible(el)) continue
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        if (!text.trim()) continue
        const owner = node.parentElement
        if (owner?.closest('p, pre, code, .p-message, small, .hint, .prose')) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
        if (tops.size >= 3) problems.push(`3+ lines ${name(el, text)}`)
        // A date or time in a table reads at a glance only on one line (a cell of data
        // that merely holds a date among other values may wrap).
        else if (
          tops.size === 2 &&
          el.matches('td, th') &&
          text.trim().length <= 32 &&
          DATE_OR_TIME.test(text)
        )
          problems.push(`date on 2 lines ${name(el, text)}`)
      }
      const style = getComputedStyle(el)
      // Icon-only buttons may overhang their box by a pixel or two; only words can be cut.
      if (
        el.textContent?.trim() &&
        el.scrollWidth > el.clientWidth + 1 &&
        style.overflowX !== 'visible' &&
        style.textOverflow !== 'ellipsis' &&
        !['auto', 'scroll'].includes(style.overflowX)
      )
        problems.push(`cut ${name(el, el.textContent)}`)
    }
    const body = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = body.nextNode(); node; node = body.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      if (BARE_KEY.test(text) && node.parentElement && visible(node.parentElement))
        problems.push(`bare key ${name(node.parentElement, text)}`)
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const text = el.getAttribute(attr)?.trim() ?? ''
        if (BARE_KEY.test(text)) problems.push(`bare key in ${attr} ${name(el, text)}`)
      }
    }
    const canvas = document.createElement('canvas').getContext('2d')!
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!visible(input) || !input.placeholder || input.value) continue
      const style = getComputedStyle(input)
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      if (canvas.measureText(input.placeholder).width > room + 1)
        problems.push(`cut placeholder: ${input.placeholder}`)
    }
    return [...new Set(problems)]
  }, namespaces)
}
