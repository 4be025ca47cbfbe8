import { afterAll, expect } from 'vitest'
import { everyJournal } from '../../src/sandbox/journal'

/**
 * `GET /promo_codes/fetch` hands a real code to a device and burns it: the console must never
 * call it. After each integration file, no sandbox that file started may have seen it (a
 * test that calls it on purpose clears its journal afterwards).
 */
afterAll(() => {
  for (const journal of everyJournal) {
    expect(journal.count({ path: '/promo_codes/fetch' }), 'requests to /promo_codes/fetch').toBe(0)
  }
})
