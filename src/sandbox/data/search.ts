import { createRng, deriveSeed } from './rng'

export interface NoResultQuery {
  query: string
  quantity: number
}

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
  return QUERIES.map((query) => ({ query, quantity: rng.int(1, 4000) })).sort(
    (a, b) => b.quantity - a.quantity,
  )
}
