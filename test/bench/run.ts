import { report } from './harness'
import { ipcBenchmarks } from './ipc.bench'

// `npm run bench`: each benchmark prints its subject next to a baseline measured in the
// same run; copy the table into docs/PERFORMANCE.md with the machine and date.
const results = [...(await ipcBenchmarks())]
report(results)
process.exit(0)
