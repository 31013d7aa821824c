/**
 * The single table every other part derives from: status → class name, RFC 9110 title and the
 * headers the standards ask for. The classes, their types, `STATUS_CODES`, the machine codes and
 * the README's status table all come from here; `test/statuses.test.ts` fails when they drift.
 */
import { challengeValue, listValue, methodListValue, unsatisfiedRangeValue } from './header-values.js'
import { blockedByLinkValue } from './link.js'
import { retryAfterValue } from './retry-after.js'
import { upgradeValue } from './upgrade.js'

/**
 * The typed fields each status class accepts besides the common problem options. A required
 * field here is a required constructor option, so forgetting a header the standard requires
 * (`Allow` on a 405) is a compile error.
 */
export interface StatusFields {
  401: {
    /** `WWW-Authenticate` challenge(s); the plugin's `wwwAuthenticate` option is used when absent. */
    challenge?: string | readonly string[]
  }
  405: {
    /** The methods the target resource supports (RFC 9110 method tokens), sent as `Allow` (RFC 9110 15.5.6: MUST). */
    allow: readonly string[]
  }
  407: {
    /** `Proxy-Authenticate` challenge(s); the plugin's `proxyAuthenticate` option is used when absent. */
    challenge?: string | readonly string[]
  }
  413: {
    /** Seconds or a Date, sent as `Retry-After` when the condition is temporary. */
    retryAfter?: number | Date
  }
  415: {
    /** The media types that are accepted, sent as `Accept`. */
    accept?: readonly string[]
  }
  416: {
    /** The current length of the representation, sent as `Content-Range: bytes *\/size`. */
    size: number
  }
  426: {
    /** The protocol(s) to switch to (`'websocket'`, `'TLS/1.3, HTTP/1.1'`), sent as `Upgrade` with `Connection: Upgrade`. */
    upgrade: string
  }
  429: {
    /**
     * Seconds or a Date, sent as `Retry-After`: both rounded up to the second, seconds capped at
     * 2147483648; a negative, NaN or infinite number or a Date outside the years 1..9999 throws.
     */
    retryAfter: number | Date
  }
  451: {
    /**
     * The URI of the entity implementing the block, sent as `Link: <uri>; rel="blocked-by"`;
     * characters a URI may not hold (`>`, `"`, spaces...) are percent-encoded, so it stays one link.
     */
    blockedBy?: string
  }
  503: {
    /** Seconds or a Date, sent as `Retry-After` when the end of the outage is known. */
    retryAfter?: number | Date
  }
}

/** Header map as plain data: lower-case names to string values. */
export type HeaderMap = Record<string, string>

type HeaderBuilders = { [S in keyof StatusFields]: (fields: StatusFields[S]) => HeaderMap }

/** `{ [name]: format(value) }` when the optional field is given, else no header. */
function optionalHeader<T>(name: string, value: T | undefined, format: (value: T) => string): HeaderMap {
  return value === undefined ? {} : { [name]: format(value) }
}

/** How each status's typed fields become headers; the type forces one builder per `StatusFields` key. */
export const HEADER_BUILDERS: Readonly<HeaderBuilders> = Object.freeze<HeaderBuilders>({
  401: ({ challenge }) => optionalHeader('www-authenticate', challenge, (value) => challengeValue(value)),
  405: ({ allow }) => ({ allow: methodListValue(allow, 'allow') }),
  407: ({ challenge }) => optionalHeader('proxy-authenticate', challenge, (value) => challengeValue(value)),
  413: ({ retryAfter }) => optionalHeader('retry-after', retryAfter, (value) => retryAfterValue(value)),
  415: ({ accept }) => optionalHeader('accept', accept, (value) => listValue(value, 'accept')),
  416: ({ size }) => ({ 'content-range': unsatisfiedRangeValue(size) }),
  426: ({ upgrade }) => ({ upgrade: upgradeValue(upgrade), connection: 'Upgrade' }),
  429: ({ retryAfter }) => ({ 'retry-after': retryAfterValue(retryAfter) }),
  451: ({ blockedBy }) => optionalHeader('link', blockedBy, (value) => blockedByLinkValue(value)),
  503: ({ retryAfter }) => optionalHeader('retry-after', retryAfter, (value) => retryAfterValue(value)),
})

/**
 * The headers a status's typed fields make (`{ allow: 'GET, POST' }` for a 405), or `undefined`
 * for a status without fields. A required field that is missing throws its coded `UsageError`.
 */
export function headersFromFields(status: number, options: unknown): HeaderMap | undefined {
  const build = (HEADER_BUILDERS as Record<number, ((fields: object) => HeaderMap) | undefined>)[status]
  if (build === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    // A required field cannot come from a string; the builder reports which one is missing.
    return build({})
  }
  return build(options)
}

/**
 * Every 4xx and 5xx status with a class: the class name (RFC 9110 phrase in PascalCase) and the
 * title (the RFC 9110 reason phrase, used as `title` when `type` is `about:blank`).
 * `aliases` are older names kept for code written against RFC 7231 libraries. `field` documents
 * the typed option and the header it becomes (`HEADER_BUILDERS` implements it; a test checks
 * that the two agree, and the README's status table is generated from this).
 *
 * @example
 * for (const { status, name, title } of STATUSES) console.log(status, name, title) // 404 NotFound Not Found
 */
export const STATUSES = Object.freeze([
  { status: 400, name: 'BadRequest', title: 'Bad Request' },
  { status: 401, name: 'Unauthorized', title: 'Unauthorized', field: { option: 'challenge', header: 'WWW-Authenticate', required: false } },
  { status: 402, name: 'PaymentRequired', title: 'Payment Required' },
  { status: 403, name: 'Forbidden', title: 'Forbidden' },
  { status: 404, name: 'NotFound', title: 'Not Found' },
  { status: 405, name: 'MethodNotAllowed', title: 'Method Not Allowed', field: { option: 'allow', header: 'Allow', required: true } },
  { status: 406, name: 'NotAcceptable', title: 'Not Acceptable' },
  { status: 407, name: 'ProxyAuthenticationRequired', title: 'Proxy Authentication Required', field: { option: 'challenge', header: 'Proxy-Authenticate', required: false } },
  { status: 408, name: 'RequestTimeout', title: 'Request Timeout' },
  { status: 409, name: 'Conflict', title: 'Conflict' },
  { status: 410, name: 'Gone', title: 'Gone' },
  { status: 411, name: 'LengthRequired', title: 'Length Required' },
  { status: 412, name: 'PreconditionFailed', title: 'Precondition Failed' },
  { status: 413, name: 'ContentTooLarge', title: 'Content Too Large', aliases: ['PayloadTooLarge'], field: { option: 'retryAfter', header: 'Retry-After', required: false } },
  { status: 414, name: 'URITooLong', title: 'URI Too Long' },
  { status: 415, name: 'UnsupportedMediaType', title: 'Unsupported Media Type', field: { option: 'accept', header: 'Accept', required: false } },
  { status: 416, name: 'RangeNotSatisfiable', title: 'Range Not Satisfiable', field: { option: 'size', header: 'Content-Range', required: true } },
  { status: 417, name: 'ExpectationFailed', title: 'Expectation Failed' },
  { status: 418, name: 'ImATeapot', title: "I'm a teapot" },
  { status: 421, name: 'MisdirectedRequest', title: 'Misdirected Request' },
  { status: 422, name: 'UnprocessableContent', title: 'Unprocessable Content', aliases: ['UnprocessableEntity'] },
  { status: 423, name: 'Locked', title: 'Locked' },
  { status: 424, name: 'FailedDependency', title: 'Failed Dependency' },
  { status: 425, name: 'TooEarly', title: 'Too Early' },
  { status: 426, name: 'UpgradeRequired', title: 'Upgrade Required', field: { option: 'upgrade', header: 'Upgrade', required: true } },
  { status: 428, name: 'PreconditionRequired', title: 'Precondition Required' },
  { status: 429, name: 'TooManyRequests', title: 'Too Many Requests', field: { option: 'retryAfter', header: 'Retry-After', required: true } },
  { status: 431, name: 'RequestHeaderFieldsTooLarge', title: 'Request Header Fields Too Large' },
  { status: 451, name: 'UnavailableForLegalReasons', title: 'Unavailable For Legal Reasons', field: { option: 'blockedBy', header: 'Link', required: false } },
  { status: 500, name: 'InternalServerError', title: 'Internal Server Error' },
  { status: 501, name: 'NotImplemented', title: 'Not Implemented' },
  { status: 502, name: 'BadGateway', title: 'Bad Gateway' },
  { status: 503, name: 'ServiceUnavailable', title: 'Service Unavailable', field: { option: 'retryAfter', header: 'Retry-After', required: false } },
  { status: 504, name: 'GatewayTimeout', title: 'Gateway Timeout' },
  { status: 505, name: 'HTTPVersionNotSupported', title: 'HTTP Version Not Supported' },
  { status: 506, name: 'VariantAlsoNegotiates', title: 'Variant Also Negotiates' },
  { status: 507, name: 'InsufficientStorage', title: 'Insufficient Storage' },
  { status: 508, name: 'LoopDetected', title: 'Loop Detected' },
  { status: 510, name: 'NotExtended', title: 'Not Extended' },
  { status: 511, name: 'NetworkAuthenticationRequired', title: 'Network Authentication Required' },
] as const)

/** One row of the status table. */
export type StatusEntry = (typeof STATUSES)[number]

/** Every status that has a class, as a literal union (`400 | 401 | ... | 511`). */
export type ProblemStatus = StatusEntry['status']

/** Every class name, as a literal union. */
export type ProblemClassName = StatusEntry['name']

/**
 * The status codes that have a class, in ascending order.
 *
 * @example
 * STATUS_CODES.includes(429) // true
 */
export const STATUS_CODES: readonly ProblemStatus[] = Object.freeze(STATUSES.map((entry) => entry.status))

const BY_STATUS = new Map<number, StatusEntry>(STATUSES.map((entry) => [entry.status, entry]))

/** The table row for `status`, or `undefined` when no class exists for it. */
export function statusEntry(status: number): StatusEntry | undefined {
  return BY_STATUS.get(status)
}

/** `"Not Found"` → `"NOT_FOUND"`: the default machine code for a title. */
export function codeFromTitle(title: string): string {
  return words(title).join('_').toUpperCase()
}

/** `"Not Found"` → `"not-found"`: the slug appended to `typeBaseUrl`. */
export function slugFromTitle(title: string): string {
  return words(title).join('-').toLowerCase()
}

function words(title: string): string[] {
  return title
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
}
