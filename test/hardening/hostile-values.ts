// Thrown values that fight back, shared by the table tests, the property test and the soak.
// Each factory makes a fresh value, with `secret` in every place that must never reach a client.
import Boom from '@hapi/boom'
import createError from 'http-errors'
import { HttpProblem, NotFound } from '../../src/index.js'

/** A Proxy handler whose every trap throws `secret`. */
export function throwingTraps(secret: string): ProxyHandler<object> {
  const trap = (): never => {
    throw new Error(`trap ${secret}`)
  }
  return {
    get: trap,
    has: trap,
    ownKeys: trap,
    getPrototypeOf: trap,
    getOwnPropertyDescriptor: trap,
    defineProperty: trap,
    set: trap,
    deleteProperty: trap,
    isExtensible: trap,
    preventExtensions: trap,
    setPrototypeOf: trap,
    apply: trap,
    construct: trap,
  }
}

/** An object whose listed properties are getters that throw. */
export function throwingGetters(secret: string, names: string[], base: object = {}): object {
  for (const name of names) {
    Object.defineProperty(base, name, {
      get() {
        throw new Error(`getter ${name} ${secret}`)
      },
      enumerable: true,
      configurable: true,
    })
  }
  return base
}

// `stack` first: V8 formats a pending stack when it is redefined, and that reads `message`.
const FOREIGN_MEMBERS = ['stack', 'status', 'statusCode', 'message', 'code', 'headers', 'expose', 'validation', 'isBoom', 'output', 'cause', 'name']

/** A cause chain `depth` errors deep. */
export function deepCauseChain(secret: string, depth: number): Error {
  let error = new Error(`root ${secret}`)
  for (let level = 0; level < depth; level++) error = new Error(`level ${level} ${secret}`, { cause: error })
  return error
}

/** Each case: a label, a factory, and the status the answer must have. */
export type HostileCase = readonly [label: string, make: (secret: string) => unknown, status: number]

export const HOSTILE_CASES: readonly HostileCase[] = [
  ['an Error', (s) => new Error(s), 500],
  ['a TypeError', (s) => new TypeError(s), 500],
  [
    'an Error subclass',
    (s) =>
      new (class DatabaseError extends Error {
        override name = 'DatabaseError'
      })(`connection to db-7 refused ${s}`),
    500,
  ],
  ['a string', (s) => s, 500],
  ['an empty string', () => '', 500],
  ['a number', () => 42, 500],
  ['NaN', () => Number.NaN, 500],
  ['a bigint', () => 10n, 500],
  ['false', () => false, 500],
  ['null', () => null, 500],
  ['undefined', () => undefined, 500],
  ['a symbol', (s) => Symbol(s), 500],
  ['a function', (s) => ({ [s]: () => s })[s], 500],
  ['a Promise', (s) => Promise.reject(new Error(s)).catch(() => s), 500],
  ['Object.create(null)', () => Object.create(null), 500],
  ['Object.create(null) with a status', () => Object.assign(Object.create(null), { status: 404, message: 'Gone away' }), 404],
  [
    'an object whose toString and toJSON throw',
    (s) => ({
      toString() {
        throw new Error(s)
      },
      toJSON() {
        throw new Error(s)
      },
      [Symbol.toPrimitive]() {
        throw new Error(s)
      },
    }),
    500,
  ],
  ['an object whose every getter throws', (s) => throwingGetters(s, FOREIGN_MEMBERS), 500],
  ['an Error whose every getter throws', (s) => throwingGetters(s, FOREIGN_MEMBERS, new Error(s)), 500],
  ['an Error whose message getter throws', (s) => throwingGetters(s, ['message'], new Error(s)), 500],
  ['an Error whose stack getter throws', (s) => throwingGetters(s, ['stack'], new Error(s)), 500],
  ['an Error whose name getter throws', (s) => throwingGetters(s, ['name'], new Error(s)), 500],
  ['a Proxy whose every trap throws', (s) => new Proxy({}, throwingTraps(s)), 500],
  ['a Proxy around an Error whose every trap throws', (s) => new Proxy(new Error(s), throwingTraps(s)), 500],
  [
    'a revoked Proxy',
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    },
    500,
  ],
  ['a frozen Error', (s) => Object.freeze(new Error(s)), 500],
  ['a frozen http-errors 404', () => Object.freeze(createError(404, 'No such thing')), 404],
  ['a frozen problem', () => Object.freeze(new NotFound('No such thing')), 404],
  ['an AggregateError', (s) => new AggregateError([new Error(s), s, null, new Proxy({}, throwingTraps(s))], s), 500],
  ['a 10,000-deep cause chain', (s) => deepCauseChain(s, 10_000), 500],
  [
    'a circular cause chain',
    (s) => {
      const first = new Error(`first ${s}`)
      const second = new Error(`second ${s}`, { cause: first })
      Object.assign(first, { cause: second })
      return first
    },
    500,
  ],
  ['an Error whose cause is a throwing Proxy', (s) => new Error(s, { cause: new Proxy({}, throwingTraps(s)) }), 500],
  ['an http-errors 500 with a message', (s) => createError(500, s), 500],
  ['a boom 500 with a message', (s) => Boom.internal(s), 500],
  ['a boom 503 whose output is a throwing Proxy', (s) => Object.assign(Boom.serverUnavailable(s), { output: new Proxy({}, throwingTraps(s)) }), 500],
  ['a validation list that is a throwing Proxy', (s) => ({ validation: new Proxy([], throwingTraps(s)) }), 400],
  [
    'a validation list that is a revoked Proxy',
    () => {
      const { proxy, revoke } = Proxy.revocable([], {})
      revoke()
      return { validation: proxy }
    },
    500,
  ],
  ['a validation list of hostile entries', (s) => ({ validation: [null, 7, throwingGetters(s, ['instancePath', 'message', 'params'])] }), 400],
  ['a 4 MB string', (s) => `${s}${'x'.repeat(4 * 1024 * 1024)}`, 500],
  ['a forged problem (HttpProblem.prototype, no fields)', () => Object.create(HttpProblem.prototype), 500],
  [
    'a branded object whose getters throw',
    (s) => throwingGetters(s, ['status', 'title', 'headers', 'extensions', 'type', 'code', 'detail', 'expose'], { [Symbol.for('http-problems.problem')]: true }),
    500,
  ],
]
