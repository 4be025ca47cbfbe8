import { createRng, deriveSeed } from './rng'

/**
 * A row of /search/no_result_queries. The reference's own example has a row without
 * `query` (`{"contact_type": "covfefe", "quantity": 384491}`); the demo data keeps one such
 * row so the console is tested against what the reference shows.
 */
export type NoResultQuery = { query: string; quantity: number } | OddRow

interface OddRow {
  contact_type: string
  quantity: number
}

export const ODD_NO_RESULT_ROW: OddRow = { contact_type: 'covfefe', quantity: 384491 }

const QUERIES = [
  'iphone 4s',
  'nokia 3310',
  'red dress xxs',
  'vinyl player',
  'gift card 5000',
  'зимние шины',
  'детское автокресло',
  'airpods pro 3',
  'кофемашина delonghi',
  'yoga mat 10mm',
  'ps5 slim',
  'кроссовки 47 размер',
  'wedding ring titanium',
  'baby monitor wifi',
  'электросамокат',
  'smart ring',
  'робот пылесос',
  'linen bedding king',
  'usb-c hub 12 in 1',
  'perfume sample set',
]

/** Queries that returned nothing during the previous 2 weeks, most frequent first. */
export function generateNoResultQueries(seed: number): NoResultQuery[] {
  const rng = createRng(deriveSeed(seed, 'search'))
  const rows: NoResultQuery[] = QUERIES.map((query) => ({ query, quantity: rng.int(1, 4000) }))
  // Not sorted: the reference promises no order, so the console ranks them itself.
  rows.splice(3, 0, ODD_NO_RESULT_ROW)
  return rows
}
