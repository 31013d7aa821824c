/**
 * `HttpProblem`: the base class of every problem, holding RFC 9457 members and headers as plain
 * data. Because `status`, `statusCode`, `headers` and `expose` follow the http-errors convention,
 * the classes also work without the plugin (Fastify's default handler and http-errors-aware
 * Express handlers already apply them).
 */
import { isError } from './guarded.js'
import { OTHER_REASON_PHRASES } from './reason-phrases.js'
import { codeFromTitle, statusEntry, type HeaderMap } from './statuses.js'
import { MAX_MEMBER_LENGTH } from './limits.js'
import { isUriReference } from './uri.js'
import { UsageError, describe, invalidOption } from './usage-error.js'

/**
 * Members an extension can never set: the RFC 9457 members, plus the ones the renderer adds.
 * `__proto__`, `constructor` and `prototype` are dropped too, so a client that merges a problem
 * body into an object cannot be prototype-polluted through us.
 *
 * @example
 * RESERVED_MEMBERS.includes('status') // true: extensions: { status } is ignored
 */
export const RESERVED_MEMBERS = Object.freeze([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'correlationId',
] as const)

/** A member name reserved by RFC 9457 or this library. */
export type ReservedMember = (typeof RESERVED_MEMBERS)[number]

/** Extension members: any JSON-serializable data, except the reserved member names. */
export type Extensions = { readonly [member: string]: unknown } & {
  readonly [K in ReservedMember]?: never
}

/** Options every problem class accepts. All optional. */
export interface ProblemOptions<X extends Extensions = Extensions> {
  /** Human-readable explanation of this occurrence. Hidden on 5xx unless `expose` is true. */
  detail?: string
  /** Stable machine code for clients, e.g. `USER_NOT_FOUND`. Defaults to the title in CONSTANT_CASE. */
  code?: string
  /**
   * Problem type: a URI reference (RFC 3986; anything else throws). Defaults to `about:blank`
   * (or the plugin's `typeBaseUrl` slug).
   */
  type?: string
  /** Short summary of the problem type. Defaults to the status's RFC 9110 reason phrase. */
  title?: string
  /** Extension members, sent at the top level of the body. Reserved members are ignored. */
  extensions?: X
  /** Extra response headers. Values with CR, LF or other invalid characters are never sent. */
  headers?: Readonly<Record<string, string>>
  /** Whether `detail` may reach the client. Defaults to `status < 500`. */
  expose?: boolean
  /** The underlying error. Logged, never sent to the client. */
  cause?: unknown
}

/**
 * The members of a problem as plain data: what the renderer and the log line read. Every
 * `HttpProblem` has them; `reply.problem(status, options)` answers from them alone when no one
 * could observe the `Error` object (see `problemMembers`), so that path builds no `Error`.
 * Derived from the class, so the two cannot drift apart.
 */
export type ProblemMembers<S extends number = number, X extends Extensions = Extensions> = Pick<
  HttpProblem<S, X>,
  'status' | 'statusCode' | 'title' | 'detail' | 'type' | 'code' | 'headers' | 'expose' | 'extensions'
>

const PROBLEM_BRAND = Symbol.for('http-problems.problem')
/**
 * Own static property of each class this library makes, holding a predicate that recognises
 * instances from any installed copy of the package (see `Symbol.hasInstance` below).
 */
export const SAME_KIND = Symbol.for('http-problems.sameKind')

/**
 * True for any problem made by any copy of http-problems, even one installed twice in
 * `node_modules`. Never throws, whatever the value (Proxies and throwing getters included).
 *
 * @example
 * if (isHttpProblem(err)) reply.code(err.status)
 */
export function isHttpProblem(value: unknown): value is HttpProblem {
  try {
    // `?.` so that `null` and `undefined` (thrown values too) answer false without an exception;
    // a primitive reads `undefined`. The catch is for throwing getters and Proxy traps.
    // Stryker disable next-line OptionalChaining: without it, null and undefined throw and the catch answers false as well (this saves the throw)
    return (value as Record<symbol, unknown> | null | undefined)?.[PROBLEM_BRAND] === true
  } catch {
    return false
  }
}

/**
 * The base of every problem: an `Error` that carries the RFC 9457 members, the response headers
 * and whether its detail may be shown to clients.
 *
 * @example
 * throw new HttpProblem(404, { detail: 'No user 42', code: 'USER_NOT_FOUND' })
 */
export class HttpProblem<S extends number = number, X extends Extensions = Extensions> extends Error {
  /** HTTP status code, 400..599. */
  readonly status: S
  /** Same as `status`, for code that reads the http-errors / Fastify name. */
  readonly statusCode: S
  /** Short summary of the problem type. */
  readonly title: string
  /** Explanation of this occurrence, or `undefined`. */
  readonly detail: string | undefined
  /** Problem type URI; `about:blank` unless set. */
  readonly type: string
  /** Stable machine code, e.g. `NOT_FOUND`. */
  readonly code: string
  /** Response headers (lower-case names), computed once from the options. */
  readonly headers: HeaderMap
  /** Whether `detail` may reach the client. */
  readonly expose: boolean
  /** Extension members for the body. */
  readonly extensions: X

  /**
   * Whether client-error (4xx) problems capture a stack trace. Default `false`: a 4xx is an
   * expected answer (no such user, bad input), its stack points at the `throw` you can already
   * read in the code, and capturing it is the largest single cost of answering with an error.
   * Without a stack, `problem.stack` is just `"NotFound: <message>"`. Set it to `true` (in
   * development, say, together with the plugin's `exposeStack`) to capture them again; it applies
   * to problems created afterwards. Server-error (5xx) problems always capture their stack,
   * except those `normalize` makes around a thrown `Error`, which already carries the stack that
   * matters. One setting per copy of the package, shared by every class it makes.
   *
   * @example
   * if (process.env.NODE_ENV !== 'production') HttpProblem.captureClientErrorStacks = true
   */
  static captureClientErrorStacks = false

  /**
   * @param status an integer from 400 to 599
   * @param options the detail as a string, or an options object
   */
  constructor(status: S, options?: string | ProblemOptions<X>) {
    const members = problemMembers(status, options)
    const savedLimit = suppressStackIfClientError(status)
    try {
      super(members.detail ?? members.title, hasCause(options) ? { cause: options.cause } : undefined)
    } finally {
      if (savedLimit !== undefined) Error.stackTraceLimit = savedLimit
    }
    this.status = status
    this.statusCode = status
    this.title = members.title
    this.detail = members.detail
    this.type = members.type
    this.code = members.code
    this.headers = members.headers
    this.expose = members.expose
    this.extensions = members.extensions
  }

  /**
   * The problem members a client may see (RFC 9457), without request facts such as `instance`.
   * A hidden 5xx detail stays hidden, so `JSON.stringify(problem)` is safe to send.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { type: this.type, title: this.title, status: this.status }
    if (this.detail !== undefined && this.expose) json.detail = this.detail
    json.code = this.code
    for (const key of Object.keys(this.extensions)) {
      if (!isReservedMember(key)) json[key] = this.extensions[key]
    }
    return json
  }

  /**
   * Recognises problems across copies of the package: a problem from another copy is an
   * instance of `HttpProblem`, of the class for its status, and of a `defineProblem` class with
   * the same type. Subclasses you write yourself keep plain prototype semantics.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true
    if (!isHttpProblem(value)) return false
    if (this === HttpProblem) return true
    if (!Object.prototype.hasOwnProperty.call(this, SAME_KIND)) return false
    return (this as unknown as Record<symbol, (problem: HttpProblem) => boolean>)[SAME_KIND]!(value)
  }
}

Object.defineProperty(HttpProblem.prototype, PROBLEM_BRAND, { value: true })
Object.defineProperty(HttpProblem.prototype, 'name', { value: 'HttpProblem', writable: true, configurable: true })

const RESERVED = new Set<string>([...RESERVED_MEMBERS, '__proto__', 'constructor', 'prototype'])

/** True for member names that extensions may not use. */
export function isReservedMember(name: string): boolean {
  return RESERVED.has(name)
}

/**
 * The reason phrase for any status: the table's RFC 9110 title, else Node's, else a generic
 * `Client Error` / `Server Error`. The default `title` of a problem, and what a client shows for
 * an answer without one.
 */
export function reasonPhrase(status: number): string {
  // The status class, not `status >= 500`: 500 always has a title, so that boundary could move unseen.
  return statusEntry(status)?.title ?? OTHER_REASON_PHRASES[status] ?? (Math.trunc(status / 100) === 5 ? 'Server Error' : 'Client Error')
}

/** The title and code a status gets when the options name none. */
interface StatusDefaults {
  readonly title: string
  readonly code: string
}

/**
 * Defaults per status, 400..599, computed on first use: deriving the code from the title costs a
 * few regular expressions, which a hot error path should not pay on every problem. The table has
 * a fixed size, so it never grows with what callers pass.
 */
const STATUS_DEFAULTS: (StatusDefaults | undefined)[] = new Array<StatusDefaults | undefined>(200).fill(undefined)

// A cache: without it, or with another index used both to read and to write, the same defaults come
// back (derived again each time).
// Stryker disable ArithmeticOperator,ConditionalExpression: a cache (above)
function statusDefaults(status: number): StatusDefaults {
  const cached = STATUS_DEFAULTS[status - 400]
  if (cached !== undefined) return cached
  const title = reasonPhrase(status)
  const defaults = Object.freeze({ title, code: codeFromTitle(title) })
  STATUS_DEFAULTS[status - 400] = defaults
  return defaults
}
// Stryker restore ArithmeticOperator,ConditionalExpression

/**
 * For a 4xx (unless `captureClientErrorStacks` is set), turns stack capture off (see
 * `suppressStack`) and returns the limit to restore, else `undefined`.
 */
function suppressStackIfClientError(status: number): number | undefined {
  return capturesNoStack(status) ? suppressStack() : undefined
}

/**
 * Sets `Error.stackTraceLimit` to 0, so that the `Error` constructor captures no frames, and
 * returns the limit to restore afterwards (a limit already 0 is written and restored as 0).
 * Returns `undefined` when nothing was changed: no numeric limit (V8 then captures no stack
 * anyway), or a frozen `Error` whose limit cannot be written (the stack is then captured, which
 * costs time but breaks nothing).
 */
function suppressStack(): number | undefined {
  const limit = Error.stackTraceLimit
  if (typeof limit !== 'number') return undefined
  try {
    Error.stackTraceLimit = 0
  } catch {
    return undefined
  }
  return limit
}

/**
 * Runs `build` (which makes a problem wrapping `cause`) without capturing a stack when `cause`
 * is an `Error`: its own stack is the one that matters, the one logged and the one `exposeStack`
 * shows, while the wrapper's would only hold the frames of the error handler that called
 * `normalize`, at the cost of the rest of the answer. Any other cause (a thrown string, `null`)
 * leaves capture as it is, so a 5xx always has a stack somewhere. Internal, for `normalize`.
 */
export function wrapCause<T>(cause: unknown, build: () => T): T {
  const savedLimit = isError(cause) ? suppressStack() : undefined
  try {
    return build()
  } finally {
    if (savedLimit !== undefined) Error.stackTraceLimit = savedLimit
  }
}

/**
 * The members of a problem for `status` and `options`, with every check the constructor makes
 * (so a bad status or option throws the same coded `UsageError`), and no `Error`. Internal: the
 * constructor and `reply.problem`'s answer without an `Error` both use it, so the two always agree.
 */
export function problemMembers<S extends number, X extends Extensions>(
  status: S,
  options: string | ProblemOptions<X> | undefined,
): ProblemMembers<S, X> {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_INVALID_STATUS',
      `http-problems: a problem status must be an integer from 400 to 599, received ${describe(status)}`,
    )
  }
  const opts = readOptions(options)
  const defaults = statusDefaults(status)
  const title = opts.title ?? defaults.title
  return {
    status,
    statusCode: status,
    title,
    detail: opts.detail,
    type: opts.type ?? 'about:blank',
    code: opts.code ?? (opts.title === undefined ? defaults.code : codeFromTitle(opts.title)),
    headers: copyHeaders(opts.headers),
    expose: opts.expose ?? status < 500,
    extensions: (opts.extensions ?? {}) as X,
  }
}

/**
 * True when a problem with this status would capture no stack (a 4xx, with
 * `captureClientErrorStacks` off): its `Error` then carries nothing that its members do not.
 */
export function capturesNoStack(status: number): boolean {
  return status < 500 && !HttpProblem.captureClientErrorStacks
}

/** Whether the options name a cause (even `undefined`). They were checked before (problemMembers): never null here. */
function hasCause(options: string | ProblemOptions | undefined): options is ProblemOptions & { cause: unknown } {
  return typeof options === 'object' && 'cause' in options
}

/** Checks the options' types once, so a problem never carries a value the renderer cannot use. */
function readOptions<X extends Extensions>(options: string | ProblemOptions<X> | undefined): ProblemOptions<X> {
  if (options === undefined) return {}
  if (typeof options === 'string') return { detail: options }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    invalidOption('options', 'a string (the detail) or an options object', options)
  }
  checkType(options.detail, 'string', 'detail')
  checkType(options.code, 'string', 'code')
  checkTypeUri(options.type, 'type')
  checkType(options.title, 'string', 'title')
  checkType(options.expose, 'boolean', 'expose')
  checkObject(options.extensions, 'extensions')
  checkObject(options.headers, 'headers')
  return options
}

/**
 * A problem type is a URI reference (RFC 3986) short enough to be sent whole: the renderer cuts
 * longer members, and a cut URI would name another type.
 */
export function checkTypeUri(value: unknown, name: string): void {
  if (value !== undefined && (!isUriReference(value) || value.length > MAX_MEMBER_LENGTH)) {
    invalidOption(name, `a URI reference (RFC 3986) of at most ${MAX_MEMBER_LENGTH} characters, such as https://example.com/problems/out-of-stock`, value)
  }
}

function checkType(value: unknown, type: 'string' | 'boolean', name: string): void {
  if (value !== undefined && typeof value !== type) invalidOption(name, `a ${type}`, value)
}

function checkObject(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    invalidOption(name, 'a plain object', value)
  }
}

/** An own copy with lower-case names, so later additions never touch the caller's object. */
function copyHeaders(headers: Readonly<Record<string, unknown>> | undefined): HeaderMap {
  const copy: HeaderMap = {}
  if (headers === undefined) return copy
  // A `__proto__` name sets nothing: the values kept are strings, and the `__proto__` setter ignores
  // anything but an object.
  for (const name of Object.keys(headers)) {
    const value = headers[name]
    if (typeof value === 'string') copy[name.toLowerCase()] = value
    else if (typeof value === 'number' && Number.isFinite(value)) copy[name.toLowerCase()] = String(value)
  }
  return copy
}
