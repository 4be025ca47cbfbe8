/** Failures of the page's connection to the browser host, by key, in English. */
export const connectionFailures = {
  'request-too-large':
    'This is too much data to send at once ({limitMb} MB at most). Shorten the text, or attach large content as a file.',
} as const
