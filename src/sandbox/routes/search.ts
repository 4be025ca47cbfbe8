import { list } from '../envelope'
import type { RouteSpec } from '../route'

export const searchRoutes: RouteSpec[] = [
  {
    // The response example's second item ({"contact_type":"covfefe",…}) is a copy-paste slip
    // in the reference; we only send {query, quantity} items.
    method: 'GET',
    path: '/search/no_result_queries',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle: ({ shop }) => list('queries', shop.noResultQueries),
  },
]
