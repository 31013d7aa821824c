/**
 * What a failed network call looks like from Node: the codes Node and undici put on socket,
 * DNS and timeout errors, found anywhere in the `cause` chain (global fetch wraps the socket
 * error in a `TypeError('fetch failed')`, sometimes twice). Shared by the gateway helper
 * (`upstreamProblem`) and the network mapping rules, so both read a failure the same way.
 */
import { readProperty as read } from './guarded.js'

/** Error codes (Node, undici) that mean the other side did not answer in time. */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/** How deep `cause` chains are followed: fetch wraps the socket error once or twice. */
const MAX_CAUSE_DEPTH = 5

/** `error`, its `cause`, that one's `cause`... (objects only, bounded, cycle-safe, never throws). */
export function causeChain(error: unknown): object[] {
  const chain: object[] = []
  let link = error
  while (typeof link === 'object' && link !== null && chain.length < MAX_CAUSE_DEPTH && !chain.includes(link)) {
    chain.push(link)
    link = read(link, 'cause')
  }
  return chain
}

/** The first string `code` in the cause chain (`ECONNREFUSED`, `UND_ERR_SOCKET`...), if any. */
export function networkCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = read(link, 'code')
    if (typeof code === 'string') return code
  }
  return undefined
}

/** True when the chain holds a `TimeoutError` (`AbortSignal.timeout`) or a timeout code. */
export function isNetworkTimeout(error: unknown): boolean {
  // A set of strings answers has() with false for any other value, so a code needs no type check.
  const codes: ReadonlySet<unknown> = TIMEOUT_CODES
  return causeChain(error).some((link) => read(link, 'name') === 'TimeoutError' || codes.has(read(link, 'code')))
}
