import { activityEn } from './activity.en'
import { failureMessages } from '../../../shared/errors'
import { filesEn } from './files.en'
import type { ScreenWords } from './screen-words'
import { shopsEn } from './shops.en'
/** The English catalogue is the reference: ru.ts must have exactly the same keys. */
export const en = {
  app: {
    name: 'PersonaClick Console',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    activity: 'Activity',
    settings: 'Settings',
    about: 'About',
    nps: 'NPS analytics',
    products: 'Product stats',
    sends: 'Transactional send',
    segments: 'Segments',
    import: 'Audience import',
    notifications: 'Notifications history',
    promoCodes: 'Promo codes',
  },
  header: {
    shop: 'Shop',
    noShop: 'No shop connected yet',
    connection: {
      connected: 'Connected',
      connecting: 'Connecting…',
      refused: 'Secret key refused',
      unreachable: 'PersonaClick unreachable',
      disconnected: 'Disconnected',
      signedOut:
        'This link has been used or has expired: press Enter in the console’s terminal to open it again',
    },
    connectionHint: {
      refused: 'PersonaClick refused this shop’s secret key. Replace it in Settings › Shops.',
      unreachable:
        'PersonaClick did not answer this shop’s last call. Check the internet connection; the console tries again on the next call.',
    },
  },
  theme: {
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  languages: {
    en: 'English',
    ru: 'Русский',
  },
  states: {
    loading: 'Loading…',
    emptyTitle: 'Nothing here yet',
    errorTitle: 'Something went wrong',
    retry: 'Try again',
  },
  toast: {
    dismiss: 'Dismiss',
    region: 'Notifications',
    /** Shown on whatever screen is open, so it lives here, not with the Promo codes words. */
    promoLow: '“{name}” is running low: {available} codes left (you are warned below {threshold}).',
  },
  confirm: {
    cancel: 'Cancel',
    confirm: 'Confirm',
    typeToConfirm: 'Type {word} to confirm',
  },
  overview: {
    title: 'Overview',
    lead: 'Manage your PersonaClick shop without spreadsheets of curl commands.',
    whatsNext: 'Get started',
    stepSettings: 'Pick your language and theme in Settings.',
    stepShops:
      'Add your shop with its shop ID and secret key in Settings › Shops. Until then, explore with the built-in Demo shop.',
    stepActivity: 'Every call to PersonaClick is listed in Activity, with secret keys removed.',
    openSettings: 'Open Settings',
    docsLink: 'PersonaClick API documentation',
    counts: 'No shops | {n} shop | {n} shops',
    tasks: 'What would you like to do?',
    taskImport: 'Upload contacts from a CSV file into your audience or a suppression list.',
    taskSends: 'Send one transactional message, or many from a CSV — never twice.',
    taskSegments: 'Put customers in static segments or take them out, one by one or from a file.',
    taskNps: 'See your NPS score, its trend and what customers write.',
    taskNotifications: 'See everything a customer was sent, and a message’s status by its code.',
    taskPromoCodes:
      'Keep promo-code lists stocked: upload, purge, and a warning before one runs dry.',
    taskProducts: 'See what shoppers view and cart, who waits for a product, and catalogue gaps.',
    open: 'Open',
    glance: {
      title: '{shop} at a glance',
      loading: 'Loading…',
      lastImport: 'Last import',
      importDetail: 'contacts uploaded from {file}, {when}',
      noImport: 'No import yet from this console.',
      openImport: 'Import contacts',
      lastBulk: 'Last bulk send',
      bulkDetail: 'messages sent from {file}, {when}',
      noBulk: 'No bulk send yet from this console.',
      openSends: 'Send messages',
      nps: 'NPS, last 30 days',
      npsDetail: 'from {n} responses',
      noNps: 'No NPS responses in the last 30 days.',
      openNps: 'Open NPS analytics',
      promo: 'Promo lists running low',
      promoLow: 'Under their warning threshold: {names}',
      promoFine: 'All {n} lists are above their warning threshold.',
      openPromo: 'Open promo codes',
    },
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    language: 'Language',
    languageHelp: 'The console’s language. Messages you send are not affected.',
    theme: 'Theme',
    themeHelp: 'System follows your computer’s light or dark mode.',
    saved: 'Settings saved',
  },
  shops: shopsEn,
  activity: {
    lead: 'Every call the console made to PersonaClick, newest first. Secret keys are never recorded.',
    allShops: 'All shops',
    allOutcomes: 'All results',
    filterShop: 'Filter by shop',
    filterOutcome: 'Filter by result',
    filterPath: 'API address, e.g. /nps',
    count: 'No calls | {n} call | {n} calls',
    export: 'Export CSV',
    clear: 'Clear log',
    clearTitle: 'Clear the activity log?',
    clearMessage:
      'All recorded calls are deleted from this computer. Nothing changes in PersonaClick.',
    cleared: 'Activity log cleared',
    emptyTitle: 'No API calls yet',
    emptyMessage: 'Calls appear here as you use the console — try “Test connection” in Settings.',
    removedShop: 'Removed shop',
    ms: '{n} ms',
    cols: {
      time: 'Time',
      shop: 'Shop',
      request: 'Request',
      result: 'Result',
      duration: 'Duration',
      size: 'Size',
    },
    ...activityEn,
  },
  files: filesEn,
  exports: {
    save: {
      more: 'Choose a separator',
      comma: 'Comma-separated (,)',
      semicolon: 'Semicolon-separated (;)',
      tab: 'Tab-separated',
    },
  },
  about: {
    title: 'About',
    version: 'Version',
    host: 'Running as',
    hosts: {
      electron: 'Desktop app (Electron)',
      browser: 'Browser host (Chromium)',
    },
    electron: 'Electron',
    chrome: 'Chromium',
    node: 'Node.js',
    v8: 'V8',
    platform: 'Platform',
    dataDir: 'Data folder',
    notApplicable: 'not used',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist. Use the menu on the left.',
  },
  errors: {
    UNKNOWN_CHANNEL: 'The console asked for something it does not know. Reload the window.',
    INVALID_INPUT: 'Some of the entered values are not valid. Check the form and try again.',
    FORBIDDEN_SENDER: 'This page may not talk to the console.',
    INTERNAL: 'Something went wrong inside the console. Try again; if it repeats, see Activity.',
    NOT_FOUND: 'That item no longer exists. Refresh the list.',
    NOT_ALLOWED: 'This cannot be done right now.',
    CANCELLED: 'Cancelled.',
    API_BAD_REQUEST:
      'PersonaClick rejected the request as incomplete or invalid. Check the values.',
    API_WRONG_SHOP_ID: 'PersonaClick does not know this shop ID. Check it in Settings › Shops.',
    API_WRONG_SECRET: 'The secret key was refused. Replace it in Settings › Shops.',
    API_NOT_FOUND: 'PersonaClick could not find what was asked for.',
    API_METHOD_NOT_ALLOWED: 'PersonaClick does not accept this kind of request here.',
    API_NOT_ACCEPTABLE: 'PersonaClick could not accept the data format. Check the values.',
    API_RATE_LIMITED: 'PersonaClick asks to slow down. The console will retry shortly.',
    API_SERVER_ERROR: 'PersonaClick had an internal error. Try again in a few minutes.',
    API_UNAVAILABLE: 'PersonaClick is temporarily unavailable. Try again in a few minutes.',
    API_UNEXPECTED_RESPONSE: 'PersonaClick answered in an unexpected way. Try again later.',
    NETWORK_UNREACHABLE:
      'The server cannot be reached. Check your internet connection and the API host.',
    TLS_ERROR: 'The server’s security certificate is not trusted. Check the API host address.',
    TIMEOUT: 'The server took too long to answer. Try again.',
    OUTCOME_UNKNOWN:
      'It is not known whether this reached PersonaClick. Check before trying again.',
    apiSaid: 'PersonaClick said: “{message}”',
    // The English words main already uses for its keyed failures, one copy.
    messages: failureMessages,
  },
}

/** The words the window loads at start: everything but the screens' own (`screen-words.ts`). */
export type WindowWords = typeof en

/** Every key a screen may ask for, once its words are loaded. */
export type MessageSchema = WindowWords & ScreenWords
