/**
 * Logger methods that cannot write anything. Fastify without a logger (`logger: false`) hands every
 * request the methods of `abstract-logging`, empty functions without pino's `isLevelEnabled`; the
 * log line of a 500 (a bounded copy of the error and its causes, see `logged-error.ts`) costs more
 * than the rest of the answer, and would be built only to be dropped. Fastify's own handler skips
 * that work too: its line for the same error is one small object.
 */

/** What is known per method, so its source is read once, not on every problem. */
const verdicts = new WeakMap<object, boolean>()

/**
 * An ordinary or arrow function whose body is empty: `function noop () { }`, `() => {}`,
 * `error() {}`. A native or bound function prints `{ [native code] }` and never matches.
 */
const EMPTY_FUNCTION = /^(?:async\s+)?(?:function\b[^(]*|[\w$]+\s*)?\([^)]*\)\s*(?:=>\s*)?\{\s*\}$/

/**
 * True when `method` is a function whose body is empty, so calling it writes nothing. False for
 * anything else, including functions whose source cannot be read. Never throws.
 *
 * @example
 * writesNothing(function noop() {}) // true
 * writesNothing(pino().error)       // false
 */
export function writesNothing(method: unknown): boolean {
  if (typeof method !== 'function') return false
  const known = verdicts.get(method)
  // Stryker disable next-line ConditionalExpression: the cache saves reading the source again; the verdict is the same either way
  if (known !== undefined) return known
  // Stryker disable next-line BooleanLiteral: only the catch below keeps this value, and V8's toString does not throw for any function (Proxies and revoked ones included)
  let verdict = false
  try {
    verdict = EMPTY_FUNCTION.test(Function.prototype.toString.call(method))
  } catch {
    // A Proxy over a function may refuse: then it may write, and gets its line.
  }
  verdicts.set(method, verdict)
  return verdict
}
