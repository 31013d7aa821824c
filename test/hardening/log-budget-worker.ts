// Runs in a worker thread (log-budget.test.ts starts it with a small stack, as in a thread pool):
// the log line of each adapter for each cause-chain depth, sent back raw.
import { parentPort, workerData } from 'node:worker_threads'
import { deepCauseChain } from './hostile-values.js'
import { ADAPTERS, logLineOf } from './log-line-of.js'

const { depths, secret } = workerData as { depths: number[]; secret: string }
const results: { adapter: string; depth: number; line: string }[] = []
for (const adapter of ADAPTERS) {
  for (const depth of depths) results.push({ adapter, depth, line: await logLineOf(adapter, deepCauseChain(secret, depth)) })
}
parentPort!.postMessage(results)
