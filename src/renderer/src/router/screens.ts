import type { ScreenWordsName } from '../i18n/screen-words'

/**
 * Every screen of the console, in sidebar order. The router, the sidebar, the Overview's
 * task list and the e2e walks (navigation, axe, screenshots) all read this list, so a new
 * screen is one entry here plus its view `views/<Name>View.vue` and its `nav.<name>` title.
 * Plain data on purpose: the e2e specs import it without Vue.
 */
export interface Screen {
  /** Route name; also the `nav-<name>` link and the `view-<name>` page test ids. */
  name: string
  path: string
  /** PrimeIcons class of its sidebar link (and of its Overview task). */
  icon: string
  /** Listed among the Overview's main tasks, with this `overview.*` description. */
  task?: { descriptionKey: `overview.${string}` }
  /** Shows the active shop's data: a shop switch reloads it. */
  perShop?: boolean
  /** Its own words (`i18n/screen-words.ts`), loaded with the screen, not with the window. */
  words?: readonly ScreenWordsName[]
}

export const screens = [
  { name: 'overview', path: '/overview', icon: 'pi pi-home' },
  {
    name: 'import',
    path: '/import',
    icon: 'pi pi-upload',
    task: { descriptionKey: 'overview.taskImport' },
    perShop: true,
    words: ['import', 'segments'],
  },
  {
    name: 'sends',
    path: '/sends',
    icon: 'pi pi-send',
    task: { descriptionKey: 'overview.taskSends' },
    perShop: true,
    words: ['sends', 'notifications'],
  },
  {
    name: 'segments',
    path: '/segments',
    icon: 'pi pi-tags',
    task: { descriptionKey: 'overview.taskSegments' },
    perShop: true,
    words: ['segments'],
  },
  {
    name: 'nps',
    path: '/nps',
    icon: 'pi pi-chart-line',
    task: { descriptionKey: 'overview.taskNps' },
    perShop: true,
    words: ['nps'],
  },
  {
    name: 'promoCodes',
    path: '/promo-codes',
    icon: 'pi pi-ticket',
    task: { descriptionKey: 'overview.taskPromoCodes' },
    perShop: true,
    words: ['promoCodes'],
  },
  {
    name: 'products',
    path: '/products',
    icon: 'pi pi-box',
    task: { descriptionKey: 'overview.taskProducts' },
    perShop: true,
    words: ['products', 'nps'],
  },
  {
    name: 'notifications',
    path: '/notifications',
    icon: 'pi pi-inbox',
    task: { descriptionKey: 'overview.taskNotifications' },
    perShop: true,
    words: ['notifications'],
  },
  { name: 'activity', path: '/activity', icon: 'pi pi-history' },
  { name: 'settings', path: '/settings', icon: 'pi pi-cog' },
  { name: 'about', path: '/about', icon: 'pi pi-info-circle' },
] as const satisfies readonly Screen[]

export type ScreenName = (typeof screens)[number]['name']
