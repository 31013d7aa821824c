/**
 * `npm run bench:micro`: the pieces of an error answer in isolation, with tinybench. Constructing
 * every problem class (and, for comparison, a plain Error, http-errors and boom), rendering a
 * body (with the content type chosen from Accept), choosing a correlation id. Numbers are per operation on this machine;
 * what matters is how they compare, not their absolute value. BENCH_MICRO_TIME: ms per task.
 */
import { notFound as boomNotFound } from '@hapi/boom'
import createError from 'http-errors'
import { Bench } from 'tinybench'
import type { HttpProblem as Problem, RenderSettings, StatusEntry } from '../src/index.js'
import { LIBRARY_SOURCE, loadLibrary } from './apps/library.js'

// tsx turns source maps on; production stack handling runs without them.
process.setSourceMapsEnabled(false)

const { HttpProblem, NotFound, PROBLEM_CLASSES, STATUSES, correlationIdFor, normalize, renderProblem } =
  await loadLibrary()

const time = Number(process.env.BENCH_MICRO_TIME ?? 150)
if (!Number.isFinite(time) || time < 10 || time > 10_000) throw new RangeError('BENCH_MICRO_TIME must be 10..10000 (ms)')

/** Constructor arguments that satisfy every class, the required header fields included. */
const ARGUMENTS: Readonly<Record<number, object>> = {
  405: { allow: ['GET', 'HEAD'] },
  416: { size: 1024 },
  426: { upgrade: 'HTTP/2' },
  429: { retryAfter: 30 },
}

const settings: RenderSettings = {
  exposeStack: false,
  wwwAuthenticate: 'Bearer',
  proxyAuthenticate: 'Basic',
  retryAfter: '60',
  correlationIdHeader: 'x-correlation-id',
}
const facts = { method: 'GET', url: '/users/42?expand=1', accept: '*/*', correlationId: '0f8fad5b-d9cb-469f-a165-70867728950e' }
const problem = new NotFound('No user 42')
const withExtensions = new HttpProblem(422, {
  detail: 'The request body is invalid.',
  extensions: { errors: [{ in: 'body', pointer: '#/age', detail: 'must be integer' }] },
})
const members = {
  type: 'about:blank',
  title: 'Not Found',
  status: 404,
  detail: 'No user 42',
  instance: '/users/42',
  code: 'NOT_FOUND',
  correlationId: facts.correlationId,
}
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

/** Keeps results reachable so the JIT cannot drop the work being measured. */
let sink: unknown

function constructionTasks(bench: Bench): void {
  bench.add('new Error(message)', () => {
    sink = new Error('No user 42')
  })
  bench.add('http-errors createError(404, message)', () => {
    sink = createError(404, 'No user 42')
  })
  bench.add('boom notFound(message)', () => {
    sink = boomNotFound('No user 42')
  })
  bench.add('new NotFound(message), stack captured', () => {
    HttpProblem.captureClientErrorStacks = true
    sink = new NotFound('No user 42')
    HttpProblem.captureClientErrorStacks = false
  })
  for (const entry of STATUSES as readonly StatusEntry[]) {
    const ProblemClass = PROBLEM_CLASSES[entry.name] as unknown as new (options?: object) => Problem
    const options = { detail: 'Something specific went wrong.', ...ARGUMENTS[entry.status] }
    bench.add(`new ${entry.name}({ detail${ARGUMENTS[entry.status] ? ', ...' : ''} })`, () => {
      sink = new ProblemClass(options)
    })
  }
}

function renderTasks(bench: Bench): void {
  bench.add('JSON.stringify(the same members)', () => {
    sink = JSON.stringify(members)
  })
  bench.add('renderProblem(404)', () => {
    sink = renderProblem(problem, facts, settings)
  })
  bench.add('renderProblem(422 with errors extension)', () => {
    sink = renderProblem(withExtensions, facts, settings)
  })
  bench.add('normalize(http-errors 404)', () => {
    sink = normalize(createError(404, 'No user 42'))
  })
  bench.add('normalize(plain Error) -> 500', () => {
    sink = normalize(new Error('connection lost'))
  })
}

function requestFactTasks(bench: Bench): void {
  bench.add('correlationIdFor(no header): new id', () => {
    sink = correlationIdFor({})
  })
  bench.add('correlationIdFor(valid incoming id)', () => {
    sink = correlationIdFor({ 'x-correlation-id': 'req-7f3a9c' })
  })
  bench.add('correlationIdFor(traceparent)', () => {
    sink = correlationIdFor({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })
  })
  bench.add('renderProblem(404), Accept: application/json', () => {
    sink = renderProblem(problem, { ...facts, accept: 'application/json' }, settings)
  })
  bench.add('renderProblem(404), a browser Accept', () => {
    sink = renderProblem(problem, { ...facts, accept: BROWSER_ACCEPT }, settings)
  })
}

async function main(): Promise<void> {
  const bench = new Bench({ time, warmupTime: Math.min(time, 100) })
  constructionTasks(bench)
  renderTasks(bench)
  requestFactTasks(bench)
  await bench.run()
  console.log(`Node ${process.version}; library from ${LIBRARY_SOURCE}; ${time} ms per task`)
  console.table(
    bench.tasks.map((task) => {
      const result = task.result
      const latency = result !== undefined && 'latency' in result ? result.latency : undefined
      const throughput = result !== undefined && 'throughput' in result ? result.throughput : undefined
      return {
        task: task.name,
        'ns/op (median)': latency === undefined ? 'n/a' : Math.round(latency.p50 * 1e6),
        'ops/s': throughput === undefined ? 'n/a' : Math.round(throughput.mean),
        'rme %': latency === undefined ? 'n/a' : latency.rme.toFixed(1),
      }
    }),
  )
  if (sink === undefined) console.log('')
}

await main()
