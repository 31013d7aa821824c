/**
 * One class per row of the status table, generated at load time. The value exports at the bottom
 * give each class a static name for `import { NotFound }`; their types come from the table, and
 * `test/statuses.test.ts` fails if an export and a row ever disagree.
 */
import { HttpProblem, SAME_KIND, type Extensions, type ProblemOptions } from './problem.js'
import {
  HEADER_BUILDERS,
  STATUSES,
  codeFromTitle,
  statusEntry,
  type HeaderMap,
  type ProblemClassName,
  type ProblemStatus,
  type StatusEntry,
  type StatusFields,
} from './statuses.js'
import { UsageError, describe } from './usage-error.js'

/** The typed fields of status `S` (`{ allow: string[] }` for 405), or none. */
export type FieldsOf<S extends number> = S extends keyof StatusFields ? StatusFields[S] : unknown

/** The options object a class for status `S` accepts. */
export type OptionsOf<S extends number, X extends Extensions = Extensions> = ProblemOptions<X> &
  (S extends keyof StatusFields ? StatusFields[S] : unknown)

/**
 * Constructor arguments for status `S`: optional (a detail string or options) when the status has
 * no required field; a required options object when it has one (405, 416, 426, 429).
 */
export type ConstructorArgs<S extends number, X extends Extensions = Extensions> =
  S extends keyof StatusFields
    ? object extends StatusFields[S]
      ? [options?: string | OptionsOf<S, X>]
      : [options: OptionsOf<S, X>]
    : [options?: string | ProblemOptions<X>]

/** The type of a generated status class, e.g. `typeof NotFound` is `ProblemClass<404>`. */
export interface ProblemClass<S extends number> {
  new <X extends Extensions = Extensions>(...args: ConstructorArgs<S, X>): HttpProblem<S, X>
  readonly prototype: HttpProblem<S>
  /** The status every instance has. */
  readonly status: S
  /** The RFC 9110 reason phrase, the default `title`. */
  readonly title: string
  /** The default machine code, e.g. `NOT_FOUND`. */
  readonly code: string
}

type ClassTable = { readonly [E in StatusEntry as E['name']]: ProblemClass<E['status']> }

function headersFromFields(status: number, options: unknown): HeaderMap | undefined {
  const build = (HEADER_BUILDERS as Record<number, ((fields: object) => HeaderMap) | undefined>)[status]
  if (build === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    // A required field cannot come from a string; the builder reports which one is missing.
    return build({})
  }
  return build(options)
}

function makeClass(entry: StatusEntry): ProblemClass<ProblemStatus> {
  const { status, name, title } = entry
  // The computed key gives the class its real name, which shows in stack traces and logs.
  const generated = {
    [name]: class extends HttpProblem<ProblemStatus> {
      constructor(options?: string | ProblemOptions) {
        const fieldHeaders = headersFromFields(status, options)
        super(status, options)
        if (fieldHeaders !== undefined) Object.assign(this.headers, fieldHeaders)
      }
    },
  }[name]!
  Object.defineProperty(generated.prototype, 'name', { value: name, writable: true, configurable: true })
  Object.defineProperty(generated, 'status', { value: status })
  Object.defineProperty(generated, 'title', { value: title })
  Object.defineProperty(generated, 'code', { value: codeFromTitle(title) })
  Object.defineProperty(generated, SAME_KIND, { value: (problem: HttpProblem) => problem.status === status })
  return generated as unknown as ProblemClass<ProblemStatus>
}

const CLASSES = Object.freeze(
  Object.fromEntries(STATUSES.map((entry) => [entry.name, makeClass(entry)])),
) as ClassTable

const CLASS_BY_STATUS = new Map<number, ProblemClass<ProblemStatus>>(
  STATUSES.map((entry) => [entry.status, CLASSES[entry.name] as ProblemClass<ProblemStatus>]),
)

/** The class for `status`, or `undefined` when the status has none. */
export function classFor<S extends ProblemStatus>(status: S): ProblemClass<S>
export function classFor(status: number): ProblemClass<ProblemStatus> | undefined
export function classFor(status: number): ProblemClass<ProblemStatus> | undefined {
  return CLASS_BY_STATUS.get(status)
}

/**
 * An instance of the class for `status` (a `NotFound` for 404), or an `HttpProblem` for a
 * 4xx/5xx status without a class. Throws `ERR_HTTP_PROBLEMS_INVALID_STATUS` outside 400..599.
 *
 * @example
 * throw createProblem(404, 'No such user')
 * throw createProblem(429, { retryAfter: 30 })
 */
export function createProblem<S extends ProblemStatus, X extends Extensions = Extensions>(
  status: S,
  ...args: ConstructorArgs<S, X>
): HttpProblem<S, X>
export function createProblem<S extends number, X extends Extensions = Extensions>(
  status: S,
  options?: string | ProblemOptions<X>,
): HttpProblem<S, X>
export function createProblem(status: number, options?: string | ProblemOptions): HttpProblem {
  const ProblemClassForStatus = CLASS_BY_STATUS.get(status) as
    | (new (options?: string | ProblemOptions) => HttpProblem)
    | undefined
  if (ProblemClassForStatus !== undefined) return new ProblemClassForStatus(options)
  if (typeof status !== 'number') {
    throw new UsageError(
      'ERR_HTTP_PROBLEMS_INVALID_STATUS',
      `http-problems: createProblem needs a numeric status, received ${describe(status)}`,
    )
  }
  return new HttpProblem(status, options)
}

/** The class name for `status` (`'NotFound'` for 404), or `undefined`. */
export function classNameFor(status: number): ProblemClassName | undefined {
  return statusEntry(status)?.name
}

/** Every generated class by name, for code that iterates over them (tests, docs). */
export const PROBLEM_CLASSES: ClassTable = CLASSES

// One static export per row of the table (checked by test/statuses.test.ts).
export const {
  BadRequest,
  Unauthorized,
  PaymentRequired,
  Forbidden,
  NotFound,
  MethodNotAllowed,
  NotAcceptable,
  ProxyAuthenticationRequired,
  RequestTimeout,
  Conflict,
  Gone,
  LengthRequired,
  PreconditionFailed,
  ContentTooLarge,
  URITooLong,
  UnsupportedMediaType,
  RangeNotSatisfiable,
  ExpectationFailed,
  ImATeapot,
  MisdirectedRequest,
  UnprocessableContent,
  Locked,
  FailedDependency,
  TooEarly,
  UpgradeRequired,
  PreconditionRequired,
  TooManyRequests,
  RequestHeaderFieldsTooLarge,
  UnavailableForLegalReasons,
  InternalServerError,
  NotImplemented,
  BadGateway,
  ServiceUnavailable,
  GatewayTimeout,
  HTTPVersionNotSupported,
  VariantAlsoNegotiates,
  InsufficientStorage,
  LoopDetected,
  NotExtended,
  NetworkAuthenticationRequired,
} = CLASSES

/** Old name (RFC 7231) of `ContentTooLarge`; the same class. */
export const PayloadTooLarge = ContentTooLarge
/** Old name (RFC 4918) of `UnprocessableContent`; the same class. */
export const UnprocessableEntity = UnprocessableContent

/** The instance type of each class, so `catch (e: unknown)` code can name them: `let e: NotFound`. */
export type BadRequest = HttpProblem<400>
export type Unauthorized = HttpProblem<401>
export type PaymentRequired = HttpProblem<402>
export type Forbidden = HttpProblem<403>
export type NotFound = HttpProblem<404>
export type MethodNotAllowed = HttpProblem<405>
export type NotAcceptable = HttpProblem<406>
export type ProxyAuthenticationRequired = HttpProblem<407>
export type RequestTimeout = HttpProblem<408>
export type Conflict = HttpProblem<409>
export type Gone = HttpProblem<410>
export type LengthRequired = HttpProblem<411>
export type PreconditionFailed = HttpProblem<412>
export type ContentTooLarge = HttpProblem<413>
export type PayloadTooLarge = HttpProblem<413>
export type URITooLong = HttpProblem<414>
export type UnsupportedMediaType = HttpProblem<415>
export type RangeNotSatisfiable = HttpProblem<416>
export type ExpectationFailed = HttpProblem<417>
export type ImATeapot = HttpProblem<418>
export type MisdirectedRequest = HttpProblem<421>
export type UnprocessableContent = HttpProblem<422>
export type UnprocessableEntity = HttpProblem<422>
export type Locked = HttpProblem<423>
export type FailedDependency = HttpProblem<424>
export type TooEarly = HttpProblem<425>
export type UpgradeRequired = HttpProblem<426>
export type PreconditionRequired = HttpProblem<428>
export type TooManyRequests = HttpProblem<429>
export type RequestHeaderFieldsTooLarge = HttpProblem<431>
export type UnavailableForLegalReasons = HttpProblem<451>
export type InternalServerError = HttpProblem<500>
export type NotImplemented = HttpProblem<501>
export type BadGateway = HttpProblem<502>
export type ServiceUnavailable = HttpProblem<503>
export type GatewayTimeout = HttpProblem<504>
export type HTTPVersionNotSupported = HttpProblem<505>
export type VariantAlsoNegotiates = HttpProblem<506>
export type InsufficientStorage = HttpProblem<507>
export type LoopDetected = HttpProblem<508>
export type NotExtended = HttpProblem<510>
export type NetworkAuthenticationRequired = HttpProblem<511>
