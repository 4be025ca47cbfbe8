import { list } from '../envelope'
import type { RouteSpec } from '../route'

export const searchRoutes: RouteSpec[] = [
  {
    // The response example's second item ({"contact_type":"covfefe",…}) is a copy-paste slip
    // in the reference; we send one such row too (see data/search.ts), so the console must
    // cope with what the reference shows.
    method: 'GET',
    path: '/search/no_result_queries',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle: ({ shop }) => list('queries', shop.noResultQueries),
  },
]
