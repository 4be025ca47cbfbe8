import { report } from './harness'
import { coldStartBenchmarks } from './cold-start.bench'
import { importBenchmarks } from './import.bench'
import { ipcBenchmarks } from './ipc.bench'
import { npsBenchmarks } from './nps.bench'
import { promoCodeBenchmarks } from './promo-codes.bench'
import { segmentsBenchmarks } from './segments.bench'
import { startupBenchmarks } from './startup.bench'

// `npm run bench`: each benchmark prints its subject next to a baseline measured in the
// same run; copy the table into docs/PERFORMANCE.md with the machine and date.
const results = [
  ...(await ipcBenchmarks()),
  ...(await startupBenchmarks()),
  ...(await coldStartBenchmarks()),
  ...(await npsBenchmarks()),
  ...(await importBenchmarks()),
  ...(await promoCodeBenchmarks()),
  ...(await segmentsBenchmarks()),
]
report(results)
process.exit(0)
