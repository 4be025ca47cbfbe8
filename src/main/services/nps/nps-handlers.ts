import type { Handlers } from '../../ipc/router'
import type { NpsService } from './nps-service'

type NpsHandlers = Pick<Handlers, 'nps:load' | 'nps:reviews' | 'nps:export'>

export function npsHandlers(nps: NpsService): NpsHandlers {
  return {
    'nps:load': (input) => nps.load(input),
    'nps:reviews': (query) => nps.reviews(query),
    'nps:export': (period) => nps.exportCsv(period),
  }
}
