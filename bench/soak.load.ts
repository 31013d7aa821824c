/**
 * One pass of the soak mix over real sockets with autocannon, checking every single response:
 * a response that is not a problem is counted with its reason, never sampled away.
 */
import type { IncomingHttpHeaders } from 'node:http'
import autocannon from 'autocannon'
import { SOAK_REQUESTS, problemFault } from './soak.app.js'

/** What one pass saw. */
export interface SoakPass {
  /** Responses received. */
  responses: number
  /** Responses per second over the pass. */
  rps: number
  /** Responses that were not problems, by reason. */
  nonProblems: Map<string, number>
  /** Connection errors and timeouts. */
  errors: number
  /** The correlation ids received, when asked for (the in-test soak checks they are unique). */
  correlationIds: string[] | undefined
}

/** Sends `amount` requests of the mix to `origin` (`http://127.0.0.1:port`) on `connections` connections. */
export async function soakPass(origin: string, amount: number, connections: number, collectIds = false): Promise<SoakPass> {
  const nonProblems = new Map<string, number>()
  const correlationIds: string[] | undefined = collectIds ? [] : undefined
  let responses = 0
  let lastResponse = 0
  const onResponse = (status: number, body: string, _context: object, headers: IncomingHttpHeaders = {}): void => {
    responses += 1
    lastResponse = performance.now()
    const lower: Record<string, unknown> = {}
    for (const name of Object.keys(headers)) lower[name.toLowerCase()] = headers[name]
    const fault = problemFault(status, lower, body)
    if (fault !== undefined) nonProblems.set(fault, (nonProblems.get(fault) ?? 0) + 1)
    const id = lower['x-correlation-id']
    if (correlationIds !== undefined && typeof id === 'string') correlationIds.push(id)
  }
  const started = performance.now()
  const result = await autocannon({
    url: origin,
    connections,
    amount,
    timeout: 10,
    requests: SOAK_REQUESTS.map((request) => ({ ...request, onResponse })),
  })
  return {
    responses,
    // Up to the last response: autocannon notices `amount` is reached on its one-second tick, and
    // its own duration is in whole seconds.
    rps: responses / ((lastResponse - started) / 1000),
    nonProblems,
    errors: result.errors + result.timeouts,
    correlationIds,
  }
}
