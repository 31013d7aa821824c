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
  // A status with a class must go through the overload above, so its required fields are checked.
  status: S & (S extends ProblemStatus ? never : unknown),
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

// One static export per row of the table, value and instance type side by side, so
// `import { NotFound }` and `let e: NotFound` both work (checked by test/statuses.test.ts).

export const BadRequest = CLASSES.BadRequest
export type BadRequest = HttpProblem<400>
export const Unauthorized = CLASSES.Unauthorized
export type Unauthorized = HttpProblem<401>
export const PaymentRequired = CLASSES.PaymentRequired
export type PaymentRequired = HttpProblem<402>
export const Forbidden = CLASSES.Forbidden
export type Forbidden = HttpProblem<403>
export const NotFound = CLASSES.NotFound
export type NotFound = HttpProblem<404>
export const MethodNotAllowed = CLASSES.MethodNotAllowed
export type MethodNotAllowed = HttpProblem<405>
export const NotAcceptable = CLASSES.NotAcceptable
export type NotAcceptable = HttpProblem<406>
export const ProxyAuthenticationRequired = CLASSES.ProxyAuthenticationRequired
export type ProxyAuthenticationRequired = HttpProblem<407>
export const RequestTimeout = CLASSES.RequestTimeout
export type RequestTimeout = HttpProblem<408>
export const Conflict = CLASSES.Conflict
export type Conflict = HttpProblem<409>
export const Gone = CLASSES.Gone
export type Gone = HttpProblem<410>
export const LengthRequired = CLASSES.LengthRequired
export type LengthRequired = HttpProblem<411>
export const PreconditionFailed = CLASSES.PreconditionFailed
export type PreconditionFailed = HttpProblem<412>
export const ContentTooLarge = CLASSES.ContentTooLarge
export type ContentTooLarge = HttpProblem<413>
export const URITooLong = CLASSES.URITooLong
export type URITooLong = HttpProblem<414>
export const UnsupportedMediaType = CLASSES.UnsupportedMediaType
export type UnsupportedMediaType = HttpProblem<415>
export const RangeNotSatisfiable = CLASSES.RangeNotSatisfiable
export type RangeNotSatisfiable = HttpProblem<416>
export const ExpectationFailed = CLASSES.ExpectationFailed
export type ExpectationFailed = HttpProblem<417>
export const ImATeapot = CLASSES.ImATeapot
export type ImATeapot = HttpProblem<418>
export const MisdirectedRequest = CLASSES.MisdirectedRequest
export type MisdirectedRequest = HttpProblem<421>
export const UnprocessableContent = CLASSES.UnprocessableContent
export type UnprocessableContent = HttpProblem<422>
export const Locked = CLASSES.Locked
export type Locked = HttpProblem<423>
export const FailedDependency = CLASSES.FailedDependency
export type FailedDependency = HttpProblem<424>
export const TooEarly = CLASSES.TooEarly
export type TooEarly = HttpProblem<425>
export const UpgradeRequired = CLASSES.UpgradeRequired
export type UpgradeRequired = HttpProblem<426>
export const PreconditionRequired = CLASSES.PreconditionRequired
export type PreconditionRequired = HttpProblem<428>
export const TooManyRequests = CLASSES.TooManyRequests
export type TooManyRequests = HttpProblem<429>
export const RequestHeaderFieldsTooLarge = CLASSES.RequestHeaderFieldsTooLarge
export type RequestHeaderFieldsTooLarge = HttpProblem<431>
export const UnavailableForLegalReasons = CLASSES.UnavailableForLegalReasons
export type UnavailableForLegalReasons = HttpProblem<451>
export const InternalServerError = CLASSES.InternalServerError
export type InternalServerError = HttpProblem<500>
export const NotImplemented = CLASSES.NotImplemented
export type NotImplemented = HttpProblem<501>
export const BadGateway = CLASSES.BadGateway
export type BadGateway = HttpProblem<502>
export const ServiceUnavailable = CLASSES.ServiceUnavailable
export type ServiceUnavailable = HttpProblem<503>
export const GatewayTimeout = CLASSES.GatewayTimeout
export type GatewayTimeout = HttpProblem<504>
export const HTTPVersionNotSupported = CLASSES.HTTPVersionNotSupported
export type HTTPVersionNotSupported = HttpProblem<505>
export const VariantAlsoNegotiates = CLASSES.VariantAlsoNegotiates
export type VariantAlsoNegotiates = HttpProblem<506>
export const InsufficientStorage = CLASSES.InsufficientStorage
export type InsufficientStorage = HttpProblem<507>
export const LoopDetected = CLASSES.LoopDetected
export type LoopDetected = HttpProblem<508>
export const NotExtended = CLASSES.NotExtended
export type NotExtended = HttpProblem<510>
export const NetworkAuthenticationRequired = CLASSES.NetworkAuthenticationRequired
export type NetworkAuthenticationRequired = HttpProblem<511>

/** Old name (RFC 7231) of `ContentTooLarge`; the same class. */
export const PayloadTooLarge = ContentTooLarge
export type PayloadTooLarge = HttpProblem<413>
/** Old name (RFC 4918) of `UnprocessableContent`; the same class. */
export const UnprocessableEntity = UnprocessableContent
export type UnprocessableEntity = HttpProblem<422>
