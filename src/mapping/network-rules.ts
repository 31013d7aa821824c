/**
 * Network failures of the calls a route makes (global fetch / undici, `node:http`, database
 * sockets) → problems, by the Node and undici codes anywhere in the `cause` chain (fetch wraps
 * them in `TypeError('fetch failed')`). Read the same way as `upstreamProblem` reads them, and
 * answered alike: a timeout is a 504, any other failure to reach the other side a 502.
 */
import { readProperty as read } from '../guarded.js'
import { causeChain, TIMEOUT_CODES } from '../network-errors.js'
import { clientClosedProblem } from './client-closed.js'
import { firstInChain, rulesFromTable, type RuleRow } from './rule-table.js'
import type { MappingFacts, ProblemRule } from './rule.js'

/** What the rules read from a network error: the code (or, for `TimeoutError`, the name) found. */
export interface NetworkErrorLike {
  readonly code: string
}

/** The network rows, in the order the README table lists them (after the client-closed rule). */
export const NETWORK_ROWS: readonly RuleRow<NetworkErrorLike>[] = [
  {
    codes: [...TIMEOUT_CODES, 'TimeoutError'],
    status: 504,
    code: 'GATEWAY_TIMEOUT',
    detail: 'A service this request depends on did not answer in time.',
  },
  {
    codes: ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET'],
    status: 502,
    code: 'BAD_GATEWAY',
    detail: 'A service this request depends on could not be reached, or broke the connection.',
  },
]

function networkError(thrown: unknown, codes: readonly (string | number)[]): NetworkErrorLike | undefined {
  return firstInChain(thrown, (link) => {
    // `includes` is strict: only a string that is one of the row's codes passes.
    const code = read(link, 'code') as string
    // Stryker disable next-line ObjectLiteral: no network row reads the code it found; only finding one matters
    if (codes.includes(code)) return { code }
    const name = read(link, 'name') as string
    // Stryker disable next-line ObjectLiteral: no network row reads the code it found; only finding one matters
    return codes.includes(name) ? { code: name } : undefined
  })
}

/** An `AbortError` (DOMException, or Node's `ABORT_ERR`) anywhere in the chain. */
function isAbortError(thrown: unknown): boolean {
  return causeChain(thrown).some((link) => read(link, 'name') === 'AbortError' || read(link, 'code') === 'ABORT_ERR')
}

/**
 * The request the route made was aborted because the client left (a signal tied to the request's
 * `close`): 499 Client Closed Request, logged, and nothing written to the closed connection. An
 * `AbortError` while the client is still connected is not this rule's.
 */
const clientClosedRule: ProblemRule = Object.freeze({
  match: (thrown: unknown, facts: MappingFacts) => facts.clientClosed && isAbortError(thrown),
  problem: clientClosedProblem,
})

/**
 * Rules for network failures (see the README table): the client's own abandoned request
 * (`AbortError` after the client closed the connection) → logged as 499, nothing written;
 * timeouts (`TimeoutError` from `AbortSignal.timeout`, `ETIMEDOUT`, undici's
 * `UND_ERR_*_TIMEOUT`) → 504; refused, reset, DNS failure, broken pipe, undici socket errors
 * → 502.
 *
 * @example
 * import { networkRules } from 'http-problems/mapping'
 *
 * await app.register(problems, { map: networkRules })
 * app.get('/weather', async () => (await fetch(weatherUrl, { signal: AbortSignal.timeout(2000) })).json())
 * // the weather service does not answer within 2 s → 504
 */
export const networkRules: readonly ProblemRule[] = Object.freeze([clientClosedRule, ...rulesFromTable(NETWORK_ROWS, networkError)])
