/**
 * Activity screen: what each call was for and how it went, in the marketer's words
 * (activity.ru.ts has exactly the same keys). `routes` names every endpoint in
 * src/main/api/catalogue.ts by what the marketer did; the path is kept for support.
 */
export const activityEn = {
  results: {
    succeeded: 'Succeeded',
    retried: 'Succeeded after retry',
    failed: 'Failed',
    unknown: 'Result unknown',
    cancelled: 'Cancelled',
  },
  httpStatus: 'HTTP status {status}',
  noAnswer: 'No answer from PersonaClick',
  routes: {
    import: { audience: 'Audience import', suppressed: 'Suppression list import' },
    segments: {
      add: 'Add to segment',
      remove: 'Remove from segment',
      get: 'Customer’s segments',
      includes: 'Segment check',
    },
    profile: { get: 'Customer lookup' },
    promoCodes: {
      list: 'Promo-code lists',
      upload: 'Promo-code upload',
      purge: 'Unsent codes cleared',
      delete: 'Promo codes deleted',
    },
    notifications: { list: 'Notifications history', status: 'Message status' },
    nps: { reviews: 'NPS responses', categories: 'NPS categories', channels: 'NPS channels' },
    transact: 'Transactional send',
    sms: { transactional: 'SMS send' },
    products: {
      get: 'Product details',
      counters: 'Product counters',
      categories: 'Product categories',
      notWidgetable: 'Catalogue gaps',
      subscribersStock: 'Back-in-stock subscribers',
      subscribersPrice: 'Price-drop subscribers',
    },
    subscriptions: {
      check: 'Subscriptions check',
      changes: 'Subscription changes',
      manage: 'Subscriptions update',
    },
    search: { noResultQueries: 'Searches without results' },
  },
  details: {
    open: 'Technical details',
    openNamed: 'Technical details: {name}, {time}',
    title: 'Technical details (for support)',
    request: 'API request',
    status: 'HTTP status',
    none: 'none',
    errorCode: 'Error code',
    retries: 'Retries',
    size: 'Answer size',
    params: 'Parameters sent',
    close: 'Close',
  },
}
