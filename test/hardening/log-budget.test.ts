// Issue #20: the log line of a 500 keeps the thrown error's stack and cause chain (issue #17) within
// LOG_BUDGET, whatever the chain's depth, in both adapters, on the main thread, in this pool (forks
// by default, threads with --pool=threads) and in a worker thread with a small stack.
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { LOG_BUDGET } from '../../src/index.js'
import { deepCauseChain } from './hostile-values.js'
import { ADAPTERS, logLineOf } from './log-line-of.js'

const SECRET = 'log-budget-secret'
const DEPTHS = [10, 100, 1000, 10_000]

/**
 * The most a line can hold: the thrown error, its logged causes and the marker for those left
 * out, each with a whole message and stack, everything JSON-escaped at most twice its length, plus
 * the line's other fields. At these depths the real lines are a few kilobytes.
 */
const MAX_LINE_LENGTH = (LOG_BUDGET.causes + 2) * (LOG_BUDGET.messageLength + LOG_BUDGET.stackLength) * 2 + 4096

/** The messages of the chain `deepCauseChain(SECRET, depth)` from the thrown error down to the root. */
function chainMessages(depth: number): string[] {
  const messages = [`root ${SECRET}`]
  for (let level = 0; level < depth; level++) messages.unshift(`level ${level} ${SECRET}`)
  return messages
}

/** What every line must say about a chain `depth` causes deep. */
function expectBoundedChain(line: string, depth: number): void {
  expect(line.length).toBeLessThan(MAX_LINE_LENGTH)
  const { err } = JSON.parse(line) as { err: Record<string, any> }
  const messages = chainMessages(depth)
  const omitted = Math.max(0, depth - LOG_BUDGET.causes)
  // The first causes, then the marker for the left-out ones, then the root.
  const logged = omitted === 0
    ? messages
    : [...messages.slice(0, LOG_BUDGET.causes), `${omitted} causes left out of this log line`, messages.at(-1)!]
  expect(err.type).toBe('Error')
  expect(err.message).toBe(logged.join(': '))
  // Every logged error brings its own stack: the thrown error's first, each cause's after "caused by:".
  expect(err.stack.startsWith(`Error: level ${depth - 1} ${SECRET}\n    at `)).toBe(true)
  expect(err.stack.split('\ncaused by: ')).toHaveLength(logged.length)
  expect(err.stack).toContain(`caused by: Error: root ${SECRET}\n    at `)
  if (omitted === 0) expect(err).not.toHaveProperty('causesOmitted')
  else expect(err.causesOmitted).toBe(omitted)
}

describe.each(ADAPTERS)('%s: the log line of a 500 whose error has a deep cause chain', (adapter) => {
  it.each(DEPTHS)('%i causes: the stack and the chain within the budget, the rest counted', async (depth) => {
    expectBoundedChain(await logLineOf(adapter, deepCauseChain(SECRET, depth)), depth)
  })
})

describe('in a worker thread with a small stack', () => {
  it('both adapters log the same bounded line at every depth', async () => {
    const results = await inWorker()
    expect(results.map(({ adapter, depth }) => `${adapter} ${depth}`)).toEqual(
      ADAPTERS.flatMap((adapter) => DEPTHS.map((depth) => `${adapter} ${depth}`)),
    )
    for (const { line, depth } of results) expectBoundedChain(line, depth)
  }, 120_000)
})

/**
 * Runs log-budget-worker.ts in a worker thread whose stack (512 KB) is half of Node's default for
 * the main thread: pino's own serializer overflows on a deep chain there.
 */
function inWorker(): Promise<{ adapter: string; depth: number; line: string }[]> {
  const script = new URL('./log-budget-worker.ts', import.meta.url).href
  const tsx = import.meta.resolve('tsx/esm/api')
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}) })`, {
    eval: true,
    workerData: { depths: DEPTHS, secret: SECRET },
    resourceLimits: { stackSizeMb: 0.5 },
  })
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the worker exited with ${code} before answering`)))
  })
}
