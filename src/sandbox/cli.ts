/**
 * Standalone Demo shop, for manual testing and benchmarks:
 *   node --import tsx src/sandbox/cli.ts --port 4646 --seed 46 --envelope legacy \
 *     --fault-429 0.1 --fault-5xx 0.1 --fault-drop 0.05 --latency 0 \
 *     --fault-shape reads            (or all, writes, or paths: /nps/reviews,/transact)
 */
import { parseArgs } from 'node:util'
import { startSandbox } from './server'
import { DEMO_SHOP } from './shops'
import type { EnvelopeStyle, FaultOptions, WrongShapeTarget } from './types'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4646' },
    seed: { type: 'string', default: '46' },
    envelope: { type: 'string', default: 'legacy' },
    'fault-429': { type: 'string' },
    'retry-after': { type: 'string' },
    'fault-5xx': { type: 'string' },
    'fault-drop': { type: 'string' },
    'drop-after-processing': { type: 'boolean', default: false },
    'rate-limit': { type: 'string' },
    latency: { type: 'string' },
    'fault-seed': { type: 'string' },
    'fault-shape': { type: 'string' },
  },
})

function num(name: string, raw: string | undefined, min = 0, max = Infinity): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number between ${min} and ${max}`)
    process.exit(2)
  }
  return n
}

if (values.envelope !== 'legacy' && values.envelope !== 'current') {
  console.error('--envelope must be legacy or current')
  process.exit(2)
}

function shapeTarget(raw: string | undefined): WrongShapeTarget | undefined {
  if (raw === undefined) return undefined
  if (raw === 'all' || raw === 'reads' || raw === 'writes') return raw
  const paths = raw.split(',').map((p) => p.trim())
  if (paths.some((p) => !p.startsWith('/'))) {
    console.error(
      '--fault-shape must be all, reads, writes or comma-separated paths (/nps/reviews)',
    )
    process.exit(2)
  }
  return paths
}

const faults: FaultOptions = {
  rate429: num('fault-429', values['fault-429'], 0, 1),
  retryAfterSeconds: num('retry-after', values['retry-after']),
  rate5xx: num('fault-5xx', values['fault-5xx'], 0, 1),
  dropRate: num('fault-drop', values['fault-drop'], 0, 1),
  dropAfterProcessing: values['drop-after-processing'],
  hardRateLimitPerSecond: num('rate-limit', values['rate-limit'], 1),
  latencyMs: num('latency', values.latency),
  wrongShape: shapeTarget(values['fault-shape']),
}

const started = performance.now()
const sandbox = await startSandbox({
  port: num('port', values.port, 0, 65535),
  seed: num('seed', values.seed),
  envelope: values.envelope as EnvelopeStyle,
  faults,
  faultSeed: num('fault-seed', values['fault-seed']),
})
console.log(`PersonaClick Demo shop sandbox listening on ${sandbox.url}`)
console.log(`  shop_id:     ${DEMO_SHOP.shopId}`)
console.log(`  shop_secret: ${DEMO_SHOP.secret}`)
console.log(
  `  envelope: ${values.envelope}, started in ${Math.round(performance.now() - started)} ms`,
)

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
