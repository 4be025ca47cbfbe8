import { net } from 'electron'
import type { Transport } from '../api/types'

/** Chromium's network stack: the system proxy and the OS certificate store apply. */
export const netTransport: Transport = (url, init) => net.fetch(url, init)
