/**
 * One class per row of the status table, generated at load time. The value exports at the bottom
 * give each class a static name for `import { NotFound }`; their types come from the table, and
 * `test/statuses.test.ts` fails if an export and a row ever disagree.
 */
import { checkNumericStatus } from './members.js'
import { HttpProblem, SAME_KIND, type Extensions, type ProblemOptions } from './problem.js'
import {
  STATUSES,
  codeFromTitle,
  headersFromFields,
  statusEntry,
  type ProblemClassName,
  type ProblemStatus,
  type StatusEntry,
  type StatusFields,
} from './statuses.js'

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

function makeClass(entry: StatusEntry): ProblemClass<ProblemStatus> {
  const { status, name, title } = entry
  // The computed key gives the class its real name, which shows in stack traces and logs.
  const generated = {
    [name]: class extends HttpProblem<ProblemStatus> {
      constructor(options?: string | ProblemOptions) {
        const fieldHeaders = headersFromFields(status, options)
        super(status, options)
        // Object.assign skips an undefined source: a status without typed fields adds no header.
        Object.assign(this.headers, fieldHeaders)
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
) as typeof PROBLEM_CLASSES

const CLASS_BY_STATUS = new Map<number, ProblemClass<ProblemStatus>>(
  STATUSES.map((entry) => [entry.status, CLASSES[entry.name] as ProblemClass<ProblemStatus>]),
)

/**
 * The class for `status`, or `undefined` when the status has none.
 *
 * @example
 * classFor(404) === NotFound // true
 */
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
  checkNumericStatus(status)
  return new HttpProblem(status, options)
}

/**
 * The class name for `status`, or `undefined`.
 *
 * @example
 * classNameFor(404) // 'NotFound'
 */
export function classNameFor(status: number): ProblemClassName | undefined {
  return statusEntry(status)?.name
}

/**
 * Every generated class by name, for code that iterates over them (tests, docs).
 *
 * @example
 * new PROBLEM_CLASSES.NotFound().status // 404
 */
// The type is written out, not a named alias, so the public type shows it (see scripts/api-report.ts).
export const PROBLEM_CLASSES: { readonly [E in StatusEntry as E['name']]: ProblemClass<E['status']> } = CLASSES

// One static export per row of the table, value and instance type side by side, so
// `import { NotFound }` and `let e: NotFound` both work (checked by test/statuses.test.ts).

/**
 * 400 Bad Request.
 *
 * @example
 * throw new BadRequest('What went wrong, for the client')
 */
export const BadRequest = CLASSES.BadRequest
export type BadRequest = HttpProblem<400>
/**
 * 401 Unauthorized.
 *
 * @example
 * throw new Unauthorized({ detail: 'Token expired', challenge: 'Bearer error="invalid_token"' })
 */
export const Unauthorized = CLASSES.Unauthorized
export type Unauthorized = HttpProblem<401>
/**
 * 402 Payment Required.
 *
 * @example
 * throw new PaymentRequired('What went wrong, for the client')
 */
export const PaymentRequired = CLASSES.PaymentRequired
export type PaymentRequired = HttpProblem<402>
/**
 * 403 Forbidden.
 *
 * @example
 * throw new Forbidden('What went wrong, for the client')
 */
export const Forbidden = CLASSES.Forbidden
export type Forbidden = HttpProblem<403>
/**
 * 404 Not Found.
 *
 * @example
 * throw new NotFound('What went wrong, for the client')
 */
export const NotFound = CLASSES.NotFound
export type NotFound = HttpProblem<404>
/**
 * 405 Method Not Allowed.
 *
 * @example
 * throw new MethodNotAllowed({ allow: ['GET', 'HEAD'] })
 */
export const MethodNotAllowed = CLASSES.MethodNotAllowed
export type MethodNotAllowed = HttpProblem<405>
/**
 * 406 Not Acceptable.
 *
 * @example
 * throw new NotAcceptable('What went wrong, for the client')
 */
export const NotAcceptable = CLASSES.NotAcceptable
export type NotAcceptable = HttpProblem<406>
/**
 * 407 Proxy Authentication Required.
 *
 * @example
 * throw new ProxyAuthenticationRequired({ challenge: 'Basic realm="proxy"' })
 */
export const ProxyAuthenticationRequired = CLASSES.ProxyAuthenticationRequired
export type ProxyAuthenticationRequired = HttpProblem<407>
/**
 * 408 Request Timeout.
 *
 * @example
 * throw new RequestTimeout('What went wrong, for the client')
 */
export const RequestTimeout = CLASSES.RequestTimeout
export type RequestTimeout = HttpProblem<408>
/**
 * 409 Conflict.
 *
 * @example
 * throw new Conflict('What went wrong, for the client')
 */
export const Conflict = CLASSES.Conflict
export type Conflict = HttpProblem<409>
/**
 * 410 Gone.
 *
 * @example
 * throw new Gone('What went wrong, for the client')
 */
export const Gone = CLASSES.Gone
export type Gone = HttpProblem<410>
/**
 * 411 Length Required.
 *
 * @example
 * throw new LengthRequired('What went wrong, for the client')
 */
export const LengthRequired = CLASSES.LengthRequired
export type LengthRequired = HttpProblem<411>
/**
 * 412 Precondition Failed.
 *
 * @example
 * throw new PreconditionFailed('What went wrong, for the client')
 */
export const PreconditionFailed = CLASSES.PreconditionFailed
export type PreconditionFailed = HttpProblem<412>
/**
 * 413 Content Too Large.
 *
 * @example
 * throw new ContentTooLarge({ detail: 'Uploads are limited to 10 MB' })
 */
export const ContentTooLarge = CLASSES.ContentTooLarge
export type ContentTooLarge = HttpProblem<413>
/**
 * 414 URI Too Long.
 *
 * @example
 * throw new URITooLong('What went wrong, for the client')
 */
export const URITooLong = CLASSES.URITooLong
export type URITooLong = HttpProblem<414>
/**
 * 415 Unsupported Media Type.
 *
 * @example
 * throw new UnsupportedMediaType({ accept: ['application/json'] })
 */
export const UnsupportedMediaType = CLASSES.UnsupportedMediaType
export type UnsupportedMediaType = HttpProblem<415>
/**
 * 416 Range Not Satisfiable.
 *
 * @example
 * throw new RangeNotSatisfiable({ size: 1024 })
 */
export const RangeNotSatisfiable = CLASSES.RangeNotSatisfiable
export type RangeNotSatisfiable = HttpProblem<416>
/**
 * 417 Expectation Failed.
 *
 * @example
 * throw new ExpectationFailed('What went wrong, for the client')
 */
export const ExpectationFailed = CLASSES.ExpectationFailed
export type ExpectationFailed = HttpProblem<417>
/**
 * 418 I.
 *
 * @example
 * throw new ImATeapot('What went wrong, for the client')
 */
export const ImATeapot = CLASSES.ImATeapot
export type ImATeapot = HttpProblem<418>
/**
 * 421 Misdirected Request.
 *
 * @example
 * throw new MisdirectedRequest('What went wrong, for the client')
 */
export const MisdirectedRequest = CLASSES.MisdirectedRequest
export type MisdirectedRequest = HttpProblem<421>
/**
 * 422 Unprocessable Content.
 *
 * @example
 * throw new UnprocessableContent('What went wrong, for the client')
 */
export const UnprocessableContent = CLASSES.UnprocessableContent
export type UnprocessableContent = HttpProblem<422>
/**
 * 423 Locked.
 *
 * @example
 * throw new Locked('What went wrong, for the client')
 */
export const Locked = CLASSES.Locked
export type Locked = HttpProblem<423>
/**
 * 424 Failed Dependency.
 *
 * @example
 * throw new FailedDependency('What went wrong, for the client')
 */
export const FailedDependency = CLASSES.FailedDependency
export type FailedDependency = HttpProblem<424>
/**
 * 425 Too Early.
 *
 * @example
 * throw new TooEarly('What went wrong, for the client')
 */
export const TooEarly = CLASSES.TooEarly
export type TooEarly = HttpProblem<425>
/**
 * 426 Upgrade Required.
 *
 * @example
 * throw new UpgradeRequired({ upgrade: 'HTTP/2.0' })
 */
export const UpgradeRequired = CLASSES.UpgradeRequired
export type UpgradeRequired = HttpProblem<426>
/**
 * 428 Precondition Required.
 *
 * @example
 * throw new PreconditionRequired('What went wrong, for the client')
 */
export const PreconditionRequired = CLASSES.PreconditionRequired
export type PreconditionRequired = HttpProblem<428>
/**
 * 429 Too Many Requests.
 *
 * @example
 * throw new TooManyRequests({ retryAfter: 30 })
 */
export const TooManyRequests = CLASSES.TooManyRequests
export type TooManyRequests = HttpProblem<429>
/**
 * 431 Request Header Fields Too Large.
 *
 * @example
 * throw new RequestHeaderFieldsTooLarge('What went wrong, for the client')
 */
export const RequestHeaderFieldsTooLarge = CLASSES.RequestHeaderFieldsTooLarge
export type RequestHeaderFieldsTooLarge = HttpProblem<431>
/**
 * 451 Unavailable For Legal Reasons.
 *
 * @example
 * throw new UnavailableForLegalReasons({ blockedBy: 'https://authority.example' })
 */
export const UnavailableForLegalReasons = CLASSES.UnavailableForLegalReasons
export type UnavailableForLegalReasons = HttpProblem<451>
/**
 * 500 Internal Server Error.
 *
 * @example
 * throw new InternalServerError('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const InternalServerError = CLASSES.InternalServerError
export type InternalServerError = HttpProblem<500>
/**
 * 501 Not Implemented.
 *
 * @example
 * throw new NotImplemented('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const NotImplemented = CLASSES.NotImplemented
export type NotImplemented = HttpProblem<501>
/**
 * 502 Bad Gateway.
 *
 * @example
 * throw new BadGateway('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const BadGateway = CLASSES.BadGateway
export type BadGateway = HttpProblem<502>
/**
 * 503 Service Unavailable.
 *
 * @example
 * throw new ServiceUnavailable({ retryAfter: 120 })
 */
export const ServiceUnavailable = CLASSES.ServiceUnavailable
export type ServiceUnavailable = HttpProblem<503>
/**
 * 504 Gateway Timeout.
 *
 * @example
 * throw new GatewayTimeout('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const GatewayTimeout = CLASSES.GatewayTimeout
export type GatewayTimeout = HttpProblem<504>
/**
 * 505 HTTP Version Not Supported.
 *
 * @example
 * throw new HTTPVersionNotSupported('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const HTTPVersionNotSupported = CLASSES.HTTPVersionNotSupported
export type HTTPVersionNotSupported = HttpProblem<505>
/**
 * 506 Variant Also Negotiates.
 *
 * @example
 * throw new VariantAlsoNegotiates('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const VariantAlsoNegotiates = CLASSES.VariantAlsoNegotiates
export type VariantAlsoNegotiates = HttpProblem<506>
/**
 * 507 Insufficient Storage.
 *
 * @example
 * throw new InsufficientStorage('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const InsufficientStorage = CLASSES.InsufficientStorage
export type InsufficientStorage = HttpProblem<507>
/**
 * 508 Loop Detected.
 *
 * @example
 * throw new LoopDetected('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const LoopDetected = CLASSES.LoopDetected
export type LoopDetected = HttpProblem<508>
/**
 * 510 Not Extended.
 *
 * @example
 * throw new NotExtended('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const NotExtended = CLASSES.NotExtended
export type NotExtended = HttpProblem<510>
/**
 * 511 Network Authentication Required.
 *
 * @example
 * throw new NetworkAuthenticationRequired('Logged, not sent: 5xx details are hidden unless expose is true')
 */
export const NetworkAuthenticationRequired = CLASSES.NetworkAuthenticationRequired
export type NetworkAuthenticationRequired = HttpProblem<511>

/**
 * Old name (RFC 7231) of `ContentTooLarge`; the same class.
 *
 * @example
 * throw new PayloadTooLarge({ detail: 'Uploads are limited to 10 MB' })
 */
export const PayloadTooLarge = ContentTooLarge
export type PayloadTooLarge = HttpProblem<413>
/**
 * Old name (RFC 4918) of `UnprocessableContent`; the same class.
 *
 * @example
 * throw new UnprocessableEntity('The start date is after the end date')
 */
export const UnprocessableEntity = UnprocessableContent
export type UnprocessableEntity = HttpProblem<422>
