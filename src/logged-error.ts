/**
 * The thrown error as a log line carries it: a bounded copy. A logger serializes an error with
 * every cause (pino's `err` serializer appends each cause's message to `message` and its stack to
 * `stack`), so a retry loop that wraps each failure as the next one's `cause` makes a line that
 * grows with the chain: 10,000 causes are a 10 MB line, or a stack overflow in a worker thread. The
 * copy keeps what a reader needs within a fixed budget (`LOG_BUDGET`), says what it left out, and is
 * shaped so that pino renders it exactly as it renders the original when nothing was left out.
 */
import { clip } from './clip.js'
import { guarded, isArray, readProperty } from './guarded.js'

/**
 * What the error of one log line may hold, the same in both adapters. The chain's first causes say
 * what the code was doing, its last (the root) what failed; the ones between are left out and
 * counted (`err.causesOmitted`, and a `CausesOmitted` entry in the chain where they were).
 *
 * @example
 * // A 500 whose error has 10,000 causes: the first 9 and the root are logged.
 * line.err.causesOmitted // 9990
 * LOG_BUDGET.causes // 10
 */
export const LOG_BUDGET = {
  /** Causes logged: the first `causes - 1` of the chain and its root. */
  causes: 10,
  /** Characters of each logged error's `message`. */
  messageLength: 1024,
  /** Characters of each logged error's `stack` (V8's ten frames fit several times over). */
  stackLength: 4096,
  /** Own enumerable properties copied from each logged error (`code`, `errno`, `status`...). */
  properties: 8,
  /** Characters of a copied property's name, and of its value when that is text. */
  propertyLength: 128,
  /** Errors of an `AggregateError` logged, each without its own causes. */
  aggregatedErrors: 3,
} as const

/** Longest text copied from a problem or a thrown value into a log line, outside `LOG_BUDGET`. */
export const MAX_LOGGED_TEXT_LENGTH = 2048

/**
 * Causes counted before giving up on finding the root: a cause chain is a linked list the
 * application built, so walking it is cheap, but it needs an end.
 */
const MAX_CAUSES_WALKED = 100_000

/** Longest `type` (constructor name) copied. */
export const MAX_TYPE_LENGTH = 128

/** Members a logged error gets from its own fields, never copied as plain properties. */
const OWN_FIELDS = new Set(['message', 'stack', 'cause', 'errors', 'type', 'raw', 'constructor'])

/**
 * A bounded copy of `error` for a log line, per `LOG_BUDGET`: the same type, message, stack and
 * primitive own properties, each clipped; a cause chain of at most `LOG_BUDGET.causes` errors, with
 * a marker error in place of the causes left out and their number in `causesOmitted`; an
 * `AggregateError`'s first errors, with `errorsOmitted`. Never throws.
 *
 * @example
 * logger.error({ err: loggedError(thrown) }, '500 Internal Server Error')
 */
export function loggedError(error: Error): Error {
  const copy = copyError(error)
  const { logged, omitted, complete } = causesToLog(error)
  if (omitted > 0) {
    define(copy, 'causesOmitted', omitted, true)
    const root = logged.pop()!
    logged.push(omissionMarker(omitted, complete), root)
  }
  let last = copy
  for (const cause of logged) {
    define(last, 'cause', cause, false)
    last = cause
  }
  copyAggregatedErrors(error, copy)
  return copy
}

/**
 * True when pino would log `error` within `LOG_BUDGET` as it is, with nothing to cut or count: no
 * cause or aggregated errors, a message and a stack within their lengths, a named class, and at most
 * `LOG_BUDGET.properties` own enumerable properties, each a number, boolean, `null` or short text.
 * The log line then carries the error itself: the copy `loggedError` makes would be logged exactly
 * the same, and making it costs more than the rest of a 500's answer. Reads `stack`, which formats
 * it; the logger formats it anyway. False for anything it cannot read. Never throws.
 *
 * @example
 * loggableAsIs(new Error('connection lost'))                              // true
 * loggableAsIs(new Error('query failed', { cause: new Error('timeout') })) // false: loggedError
 */
export function loggableAsIs(error: Error): boolean {
  try {
    const { message, stack, constructor } = error
    if (typeof message !== 'string' || message.length > LOG_BUDGET.messageLength) return false
    if (typeof stack !== 'string' || stack.length > LOG_BUDGET.stackLength) return false
    if ((error as { cause?: unknown }).cause !== undefined || (error as { errors?: unknown }).errors !== undefined) return false
    // pino logs the class name as `type`; the copy names an anonymous or oddly named class otherwise.
    const type: unknown = typeof constructor === 'function' ? constructor.name : undefined
    if (typeof type !== 'string' || type === '' || type.length > MAX_TYPE_LENGTH) return false
    let properties = 0
    // pino copies every enumerable property, inherited ones too: each must be an own one the copy keeps as it is.
    for (const key in error) {
      if (!Object.prototype.hasOwnProperty.call(error, key) || OWN_FIELDS.has(key)) return false
      properties += 1
      if (properties > LOG_BUDGET.properties || key.length > LOG_BUDGET.propertyLength) return false
      if (!keptAsItIs((error as unknown as Record<string, unknown>)[key])) return false
    }
    return true
  } catch {
    return false
  }
}

/** A property value the copy would log unchanged (see `loggedValue`): a primitive, or text within its length. */
function keptAsItIs(value: unknown): boolean {
  return typeof value === 'string' ? value.length <= LOG_BUDGET.propertyLength : isLoggedPrimitive(value)
}

/**
 * A bounded, never-throwing description of any value: `Name: message` for errors, the text of
 * strings, the tag of other objects (`[object Object]`), `String()` of primitives.
 *
 * @example
 * describeThrown(new TypeError('boom')) // 'TypeError: boom'
 */
export function describeThrown(thrown: unknown, maxLength: number = MAX_LOGGED_TEXT_LENGTH): string {
  try {
    if (typeof thrown === 'function') return '[function]'
    // Strings too: `String()` gives a string back as it is.
    if (typeof thrown !== 'object' || thrown === null) return clip(String(thrown), maxLength)
    if (guarded(() => thrown instanceof Error) === true) {
      const { name, message } = thrown as Error
      return clip(`${String(name)}: ${String(message)}`, maxLength)
    }
    return Object.prototype.toString.call(thrown)
  } catch {
    // Only an object gets here (a Proxy whose traps throw, an error named by a Symbol): no
    // primitive and no `null` makes `String()` throw.
    return typeof thrown
  }
}

/**
 * The copies of the causes to log, in chain order (the last one the root, unless the walk gave
 * up), how many were left out, and whether the walk reached the end of the chain.
 */
function causesToLog(error: object): { logged: Error[]; omitted: number; complete: boolean } {
  const seen = new Set<object>([error])
  const first: object[] = []
  let last: object | undefined
  let walked = 0
  let current: object = error
  let complete = true
  for (;;) {
    const cause = causeOf(current)
    // A circular chain ends where it comes back: every error in it has been logged.
    if (cause === undefined || seen.has(cause)) break
    if (walked === MAX_CAUSES_WALKED) {
      complete = false
      break
    }
    seen.add(cause)
    walked += 1
    if (first.length < LOG_BUDGET.causes - 1) first.push(cause)
    else last = cause
    current = cause
  }
  const chosen = last === undefined ? first : [...first, last]
  return { logged: chosen.map((cause) => copyError(cause)), omitted: walked - chosen.length, complete }
}

/** An error-like `cause` of `error` (an object with a string `message`, as pino counts them). */
function causeOf(error: object): object | undefined {
  const cause = readProperty(error, 'cause')
  return isErrorLike(cause) ? cause : undefined
}

function isErrorLike(value: unknown): value is object {
  return typeof readProperty(value, 'message') === 'string'
}

/** Stands in the chain for the causes left out, so the logged stack says where and how many. */
function omissionMarker(omitted: number, complete: boolean): Error {
  const text = `${omitted}${complete ? '' : ' or more'} causes left out of this log line`
  const marker = newCopy('CausesOmitted')
  define(marker, 'name', 'CausesOmitted', false)
  define(marker, 'message', text, false)
  define(marker, 'stack', `CausesOmitted: ${text}`, false)
  return marker
}

/**
 * An empty `Error` (so `instanceof Error` and any error serializer still apply) whose `constructor`
 * is named `type`: pino logs `constructor.name` as the `type`, so the copy of a `DatabaseError` is
 * logged as one.
 */
function newCopy(type: string): Error {
  const copy = Object.create(Error.prototype) as Error
  const constructor = function () {}
  Object.defineProperty(constructor, 'name', { value: type })
  define(copy, 'constructor', constructor, false)
  return copy
}

/** One error, bounded, without its causes. */
function copyError(error: object): Error {
  const type = typeOf(error)
  const copy = newCopy(type)
  // What a reader of `name` (a fallback line's description, say) sees; an own enumerable `name` is
  // copied below with the other properties, as pino logs it.
  const name = readProperty(error, 'name')
  define(copy, 'name', typeof name === 'string' ? clip(name, MAX_TYPE_LENGTH) : type, false)
  define(copy, 'message', textOf(readProperty(error, 'message'), LOG_BUDGET.messageLength), false)
  defineLazyStack(copy, error)
  copyProperties(error, copy)
  return copy
}

/**
 * `stack` of the copy, read from `error` (and clipped) only when something reads it. V8 formats a
 * stack trace on its first read, which costs more than the whole rest of a 500's answer; a logger
 * that writes nothing (Fastify's `logger: false`) never reads it, and then it is never formatted.
 * The first read replaces the getter with the value, so every reader sees the same text.
 */
function defineLazyStack(copy: Error, error: object): void {
  Object.defineProperty(copy, 'stack', {
    get(this: Error) {
      const stack = textOf(readProperty(error, 'stack'), LOG_BUDGET.stackLength)
      define(this, 'stack', stack, false)
      return stack
    },
    set(this: Error, value: unknown) {
      define(this, 'stack', value, false)
    },
    enumerable: false,
    configurable: true,
  })
}

/** The name pino would log as `type`: the constructor's name, else `name`, else `Error`. */
function typeOf(error: object): string {
  const constructor = readProperty(error, 'constructor')
  const constructorName = typeof constructor === 'function' ? guarded(() => constructor.name) : undefined
  const name = typeof constructorName === 'string' && constructorName !== '' ? constructorName : readProperty(error, 'name')
  return typeof name === 'string' && name !== '' ? clip(name, MAX_TYPE_LENGTH) : 'Error'
}

function textOf(value: unknown, maxLength: number): string {
  return typeof value === 'string' ? clip(value, maxLength) : ''
}

/** The first `LOG_BUDGET.properties` own enumerable properties, primitives as they are (text clipped). */
function copyProperties(error: object, copy: Error): void {
  const keys = guarded(() => Object.keys(error)) ?? []
  let copied = 0
  for (const key of keys) {
    if (OWN_FIELDS.has(key)) continue
    if (copied === LOG_BUDGET.properties) {
      define(copy, 'propertiesOmitted', keys.filter((name) => !OWN_FIELDS.has(name)).length - copied, true)
      return
    }
    define(copy, clip(key, LOG_BUDGET.propertyLength), loggedValue(readProperty(error, key)), true)
    copied += 1
  }
}

/** A property value as logged: numbers, booleans and null as they are, anything else as bounded text. */
function loggedValue(value: unknown): unknown {
  return isLoggedPrimitive(value) ? value : describeThrown(value, LOG_BUDGET.propertyLength)
}

/** Numbers, booleans, `null` and `undefined`: the values a log line carries as they are. */
function isLoggedPrimitive(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined
}

/** An `AggregateError`'s first errors, each bounded and without causes; the others counted. */
function copyAggregatedErrors(error: object, copy: Error): void {
  const errors = readProperty(error, 'errors')
  if (!isArray(errors)) return
  const total = guarded(() => errors.length) ?? 0
  const logged: unknown[] = []
  for (let index = 0; index < Math.min(total, LOG_BUDGET.aggregatedErrors); index++) {
    const member = guarded(() => errors[index])
    logged.push(isErrorLike(member) ? copyError(member) : describeThrown(member, LOG_BUDGET.messageLength))
  }
  define(copy, 'errors', logged, false)
  if (total > logged.length) define(copy, 'errorsOmitted', total - logged.length, true)
}

/** Sets a writable, configurable member; enumerable ones are what a serializer copies as fields. */
function define(target: object, key: string, value: unknown, enumerable: boolean): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true })
}
