export const notificationsFailures = {
  'notifications-identifier-invalid': 'That {kind} does not look right. Check it and search again.',
  'notifications-search-gone': 'Search again first: the console no longer has these results.',
} as const
