/**
 * Defensive reads of values that came from outside: thrown values, foreign errors, option
 * objects. Proxies whose traps throw, revoked Proxies and throwing getters exist, and the error
 * path must survive them, so every such read goes through one of these and counts a failure as
 * "absent" instead of throwing.
 */

/** `read()`, or `undefined` when it throws. */
export function guarded<T>(read: () => T): T | undefined {
  try {
    return read()
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    return undefined
  }
}

/** `target[key]` for any value; `undefined` for non-objects and reads that throw. */
export function readProperty(target: unknown, key: PropertyKey): unknown {
  // Stryker disable next-line ConditionalExpression: `target === null` only says what is meant: reading a key of null throws, and the catch answers undefined
  if (typeof target !== 'object' || target === null) return undefined
  try {
    return (target as Record<PropertyKey, unknown>)[key]
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    return undefined
  }
}

/** `instanceof Error` that survives Proxies whose `getPrototypeOf` trap throws. */
export function isError(value: unknown): value is Error {
  return guarded(() => value instanceof Error) === true
}

/** `Array.isArray` that survives a revoked Proxy (on which it throws). */
export function isArray(value: unknown): value is unknown[] {
  return guarded(() => Array.isArray(value)) === true
}
