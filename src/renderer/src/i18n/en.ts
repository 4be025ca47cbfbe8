/** The English catalogue is the reference: ru.ts must have exactly the same keys. */
export const en = {
  app: {
    name: 'PersonaClick Console',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    settings: 'Settings',
    about: 'About',
  },
  header: {
    shop: 'Shop',
    noShop: 'No shop connected yet',
    connection: {
      connected: 'Connected',
      connecting: 'Connecting…',
      disconnected: 'Disconnected',
    },
    toggleTheme: 'Switch to {mode} theme',
    language: 'Language',
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
    stepShops: 'Connect a shop with its shop ID and secret key (coming next).',
    openSettings: 'Open Settings',
    docsLink: 'PersonaClick API documentation',
    counts: 'No shops | {n} shop | {n} shops',
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
    NOT_ALLOWED: 'This link goes outside PersonaClick, so the console will not open it.',
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
  },
}

export type MessageSchema = typeof en
