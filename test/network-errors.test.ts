/**
 * How a failed network call is read (src/network-errors.ts), by the gateway helper and the network
 * mapping rules alike: the `cause` chain, followed five links deep (global fetch wraps the socket
 * error once or twice), objects only, safe against cycles and hostile values.
 */
import { describe, expect, it } from 'vitest'
import { causeChain, isNetworkTimeout, networkCode } from '../src/network-errors.js'

/** `innermost` under `wrappers` errors, each the cause of the one around it. */
function wrapped(innermost: unknown, wrappers: number): unknown {
  let error = innermost
  for (let index = 0; index < wrappers; index++) error = new Error(`wrapper ${index}`, { cause: error })
  return error
}

const coded = (code: string): Error => Object.assign(new Error(code), { code })

describe('the cause chain', () => {
  it('is five links at most: a code under four wrappers is read, under five it is not', () => {
    expect(causeChain(wrapped(coded('ECONNREFUSED'), 4))).toHaveLength(5)
    expect(causeChain(wrapped(coded('ECONNREFUSED'), 50))).toHaveLength(5)
    expect(networkCode(wrapped(coded('ECONNREFUSED'), 4))).toBe('ECONNREFUSED')
    expect(networkCode(wrapped(coded('ECONNREFUSED'), 5))).toBeUndefined()
    expect(isNetworkTimeout(wrapped(coded('ETIMEDOUT'), 4))).toBe(true)
    expect(isNetworkTimeout(wrapped(coded('ETIMEDOUT'), 5))).toBe(false)
  })

  it('the first string code wins; a code that is no string is passed over', () => {
    const numeric = Object.assign(new Error('x', { cause: coded('ECONNRESET') }), { code: 42 })
    expect(networkCode(numeric)).toBe('ECONNRESET')
    expect(networkCode(new Error('outer', { cause: coded('ECONNRESET') }))).toBe('ECONNRESET')
    expect(networkCode(Object.assign(new Error('outer', { cause: coded('ECONNRESET') }), { code: 'UND_ERR_SOCKET' }))).toBe('UND_ERR_SOCKET')
  })

  it.each([null, undefined, 'ECONNREFUSED', 42, Symbol('x')])('holds objects only: %s is no link', (value) => {
    expect(causeChain(value)).toEqual([])
    const error = new Error('fetch failed', { cause: value })
    expect(causeChain(error)).toEqual([error])
  })

  it('stops where the chain comes back on itself', () => {
    const first: Record<string, unknown> = { code: 'A' }
    const second: Record<string, unknown> = { cause: first }
    first.cause = second
    expect(causeChain(first)).toEqual([first, second])
  })

  it('never throws: a cause that cannot be read ends the chain', () => {
    const error = new Error('outer')
    Object.defineProperty(error, 'cause', { get: () => { throw new Error('getter') } })
    expect(causeChain(error)).toEqual([error])
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    const chain = causeChain(hostile)
    expect(chain).toHaveLength(1)
    expect(chain[0]).toBe(hostile) // toBe: comparing the Proxy deeply would set its trap off
    expect(networkCode(hostile)).toBeUndefined()
    expect(isNetworkTimeout(hostile)).toBe(false)
  })

  it('a timeout is a TimeoutError or a timeout code anywhere in the chain, and nothing else', () => {
    expect(isNetworkTimeout(new Error('fetch failed', { cause: new DOMException('timed out', 'TimeoutError') }))).toBe(true)
    expect(isNetworkTimeout(new Error('fetch failed', { cause: coded('UND_ERR_HEADERS_TIMEOUT') }))).toBe(true)
    expect(isNetworkTimeout(new Error('fetch failed', { cause: coded('ECONNREFUSED') }))).toBe(false)
    expect(isNetworkTimeout(new DOMException('aborted', 'AbortError'))).toBe(false)
  })
})
