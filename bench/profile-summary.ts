/**
 * A V8 `.cpuprofile` as per-request costs: self time of each function, and of each owner (our
 * library, Fastify, pino, Node's internals, the garbage collector...), divided by the number of
 * requests answered while it was sampled.
 */

/** The parts of V8's `Profiler.Profile` read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Who a function belongs to, from its script URL. */
function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.includes('/dist/') && !url.includes('node_modules')) return 'http-problems'
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (module !== null) return module[1]!
  if (url.startsWith('node:')) return 'node'
  return 'bench app'
}

function label(url: string, functionName: string, line: number): string {
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|bench)\//, '$1/')
  return `${functionName || '(anonymous)'} ${file}:${line + 1}`
}

function tableOf(title: string, costs: Map<string, number>, requests: number, total: number, rows: number): string {
  const sorted = [...costs.entries()].sort((a, b) => b[1] - a[1]).slice(0, rows)
  const lines = [`| ${title} | µs/request | share |`, '|---|---:|---:|']
  for (const [name, us] of sorted) {
    lines.push(`| ${name.replace(/\|/g, '\\|')} | ${(us / requests).toFixed(2)} | ${((us / total) * 100).toFixed(1)}% |`)
  }
  return lines.join('\n')
}

/** Markdown tables: self time per owner, then the `rows` most expensive functions, per request. */
export function summarize(profile: CpuProfile, requests: number, rows: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfTime = new Map<number, number>()
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]!
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
  }
  const byFunction = new Map<string, number>()
  const byOwner = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of selfTime) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)') {
      idle += us
      continue
    }
    total += us
    const owner = ownerOf(url, functionName)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us)
    const name = label(url, functionName, lineNumber)
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
  }
  const busy = `busy ${(total / requests).toFixed(2)} µs/request, idle ${((idle / (total + idle)) * 100).toFixed(1)}%`
  return [busy, '', tableOf('owner', byOwner, requests, total, rows), '', tableOf('function (self time)', byFunction, requests, total, rows)].join('\n')
}
