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
 * that the two agree, and the README's status table is generated from this). `description` (what
 * happened, with the headers the answer carries and why) and `resolution` (what the client can do)
 * are the documentation the problem catalog serves for each status.
 *
 * @example
 * for (const { status, name, title } of STATUSES) console.log(status, name, title) // 404 NotFound Not Found
 */
export const STATUSES = Object.freeze([
  { status: 400, name: 'BadRequest', title: 'Bad Request',
    description:
      'The request cannot be processed as sent: its syntax, framing or parameters are wrong, and no more specific 4xx status fits.',
    resolution: 'Correct the request (the `detail` and any `errors` member say what) before sending it again; the same request will fail the same way.' },
  { status: 401, name: 'Unauthorized', title: 'Unauthorized', field: { option: 'challenge', header: 'WWW-Authenticate', required: false },
    description:
      'The request has no valid credentials for this resource: none were sent, they expired, or they were refused. The answer carries `WWW-Authenticate` with at least one challenge (RFC 9110 requires it), so the client learns which authentication scheme to use.',
    resolution: 'Authenticate with a scheme named in `WWW-Authenticate` and repeat the request with an `Authorization` header. If you already sent credentials, they were refused: get new ones rather than retrying.' },
  { status: 402, name: 'PaymentRequired', title: 'Payment Required',
    description:
      'The request needs a payment, a subscription or credit that the account does not have. RFC 9110 reserves the status; APIs use it for exhausted plans and quotas.',
    resolution: 'Add credit or change the plan, then repeat the request; the `detail` or an extension member says what is missing.' },
  { status: 403, name: 'Forbidden', title: 'Forbidden',
    description:
      'The server understood who is asking and refuses the request: the credentials are valid but do not grant this action.',
    resolution: 'Do not repeat the request with the same credentials; ask for the permission it needs, or act with an account that has it.' },
  { status: 404, name: 'NotFound', title: 'Not Found',
    description:
      'The server has no resource at this URI, or will not say that one exists. Nothing tells whether this is temporary.',
    resolution: 'Check the path and identifiers in the URI. The request may succeed later if the resource is created.' },
  { status: 405, name: 'MethodNotAllowed', title: 'Method Not Allowed', field: { option: 'allow', header: 'Allow', required: true },
    description:
      'The resource exists but does not support this request method. The answer carries `Allow`, listing the methods it does support (RFC 9110 requires it), so the client can choose one.',
    resolution: 'Use one of the methods listed in the `Allow` header.' },
  { status: 406, name: 'NotAcceptable', title: 'Not Acceptable',
    description:
      'The server cannot produce a representation that matches the request\'s `Accept`, `Accept-Language` or `Accept-Encoding` headers.',
    resolution: 'Widen the `Accept` headers (for example add `application/json` or `*/*`) and repeat the request.' },
  { status: 407, name: 'ProxyAuthenticationRequired', title: 'Proxy Authentication Required', field: { option: 'challenge', header: 'Proxy-Authenticate', required: false },
    description:
      'Like 401, but the credentials are missing for a proxy between the client and the server. The answer carries `Proxy-Authenticate` with the proxy\'s challenge (RFC 9110 requires it).',
    resolution: 'Authenticate with the proxy using a scheme named in `Proxy-Authenticate`, and repeat the request with a `Proxy-Authorization` header.' },
  { status: 408, name: 'RequestTimeout', title: 'Request Timeout',
    description:
      'The server stopped waiting for the rest of the request; the client took too long to send it.',
    resolution: 'Repeat the request, on a new connection if this one was closed.' },
  { status: 409, name: 'Conflict', title: 'Conflict',
    description:
      'The request conflicts with the current state of the resource: a duplicate, a concurrent edit, or a state change that is not allowed now.',
    resolution: 'Fetch the current state of the resource, resolve the conflict the `detail` names, and send an updated request.' },
  { status: 410, name: 'Gone', title: 'Gone',
    description:
      'The resource existed here and was removed on purpose; it will not come back and has no forwarding address.',
    resolution: 'Stop requesting this URI and remove links and cached copies that point to it.' },
  { status: 411, name: 'LengthRequired', title: 'Length Required',
    description:
      'The server requires the request to state its body length in `Content-Length`, and it did not.',
    resolution: 'Send the request again with a `Content-Length` header.' },
  { status: 412, name: 'PreconditionFailed', title: 'Precondition Failed',
    description:
      'A condition in the request headers (`If-Match`, `If-Unmodified-Since`...) was false, so the server did not apply the request. This protects against overwriting someone else\'s change.',
    resolution: 'Fetch the current representation and its validators (`ETag`, `Last-Modified`), reapply your change to it, and send the request with the new condition.' },
  { status: 413, name: 'ContentTooLarge', title: 'Content Too Large', aliases: ['PayloadTooLarge'], field: { option: 'retryAfter', header: 'Retry-After', required: false },
    description:
      'The request body is larger than the server is willing or able to process. When the limit is temporary the answer carries `Retry-After`, saying when to try again.',
    resolution: 'Send a smaller body (split it, compress it or upload it another way); if `Retry-After` is present, wait that long before retrying.' },
  { status: 414, name: 'URITooLong', title: 'URI Too Long',
    description:
      'The request target (the URI) is longer than the server is willing to read, often because too much data was put in the query string.',
    resolution: 'Shorten the URI, for example by sending the data in a request body (POST) instead of the query string.' },
  { status: 415, name: 'UnsupportedMediaType', title: 'Unsupported Media Type', field: { option: 'accept', header: 'Accept', required: false },
    description:
      'The server refuses the request body\'s format: its `Content-Type` or `Content-Encoding` is not one this resource accepts. The answer may carry `Accept`, listing the media types that are accepted.',
    resolution: 'Send the body in a media type listed in the `Accept` response header, with a matching `Content-Type`.' },
  { status: 416, name: 'RangeNotSatisfiable', title: 'Range Not Satisfiable', field: { option: 'size', header: 'Content-Range', required: true },
    description:
      'None of the ranges in the request\'s `Range` header overlap the representation. The answer carries `Content-Range: bytes */LENGTH`, giving the current length so the client can ask again.',
    resolution: 'Request a range within the length given in `Content-Range`, or the whole representation without `Range`.' },
  { status: 417, name: 'ExpectationFailed', title: 'Expectation Failed',
    description:
      'The server cannot meet the expectation in the request\'s `Expect` header.',
    resolution: 'Repeat the request without the `Expect` header.' },
  { status: 418, name: 'ImATeapot', title: "I'm a teapot",
    description:
      'An April Fools\' status from RFC 2324: the server is a teapot and refuses to brew coffee. Some services use it for requests they refuse on purpose.',
    resolution: 'Do not repeat the request; it will not be served by this server.' },
  { status: 421, name: 'MisdirectedRequest', title: 'Misdirected Request',
    description:
      'The request reached a server that is not able to answer for its target, for example over a connection reused for another host.',
    resolution: 'Repeat the request over a new connection.' },
  { status: 422, name: 'UnprocessableContent', title: 'Unprocessable Content', aliases: ['UnprocessableEntity'],
    description:
      'The request body is well formed but its content is invalid: it breaks a validation rule or a business rule.',
    resolution: 'Correct the content (the `detail` and any `errors` member name each invalid field) and send it again.' },
  { status: 423, name: 'Locked', title: 'Locked',
    description:
      'The resource is locked (WebDAV) and cannot be changed now.',
    resolution: 'Wait for the lock to be released, or release it if you hold it, then repeat the request.' },
  { status: 424, name: 'FailedDependency', title: 'Failed Dependency',
    description:
      'The request could not be performed because another action it depended on failed (WebDAV).',
    resolution: 'Fix the failed action first, then repeat the request.' },
  { status: 425, name: 'TooEarly', title: 'Too Early',
    description:
      'The server will not process a request sent in TLS early data, since it could be replayed.',
    resolution: 'Repeat the request after the TLS handshake has completed.' },
  { status: 426, name: 'UpgradeRequired', title: 'Upgrade Required', field: { option: 'upgrade', header: 'Upgrade', required: true },
    description:
      'The server will not answer over the current protocol. The answer carries `Upgrade`, naming the protocol to switch to (RFC 9110 requires it), and `Connection: Upgrade`.',
    resolution: 'Repeat the request over a protocol named in the `Upgrade` header.' },
  { status: 428, name: 'PreconditionRequired', title: 'Precondition Required',
    description:
      'The server requires this request to be conditional, so that a client cannot overwrite a change it has not seen (the lost update problem).',
    resolution: 'Fetch the resource, then repeat the request with `If-Match` (or `If-Unmodified-Since`) holding the validator you received.' },
  { status: 429, name: 'TooManyRequests', title: 'Too Many Requests', field: { option: 'retryAfter', header: 'Retry-After', required: true },
    description:
      'The client sent too many requests in a given time and hit a rate limit. The answer always carries `Retry-After`, saying how long to wait, so clients back off instead of hammering the service.',
    resolution: 'Wait for the time given in `Retry-After` before sending another request, and lower your request rate.' },
  { status: 431, name: 'RequestHeaderFieldsTooLarge', title: 'Request Header Fields Too Large',
    description:
      'The server will not process the request because one header field, or all of them together, are too large.',
    resolution: 'Send fewer or smaller header fields (large cookies are a common cause) and repeat the request.' },
  { status: 451, name: 'UnavailableForLegalReasons', title: 'Unavailable For Legal Reasons', field: { option: 'blockedBy', header: 'Link', required: false },
    description:
      'The server is denying access because of a legal demand. The answer may carry `Link` with `rel="blocked-by"`, naming who implements the block (RFC 7725).',
    resolution: 'Do not repeat the request; the resource is not available to you while the legal demand stands.' },
  { status: 500, name: 'InternalServerError', title: 'Internal Server Error',
    description:
      'The server met a condition it did not expect and could not complete the request. The `detail` never carries internal messages; the answer carries a correlation id (header and body) that ties it to the server\'s log line.',
    resolution: 'Retry later; if it keeps failing, report the problem and quote its `correlationId`.' },
  { status: 501, name: 'NotImplemented', title: 'Not Implemented',
    description:
      'The server does not support the functionality the request needs, for example a method it does not recognise for any resource.',
    resolution: 'Do not repeat the request; use another method or feature the service documents.' },
  { status: 502, name: 'BadGateway', title: 'Bad Gateway',
    description:
      'The server, acting as a gateway or proxy, received an invalid answer from the upstream server it called.',
    resolution: 'Retry later with backoff; if it persists, report it with the `correlationId`.' },
  { status: 503, name: 'ServiceUnavailable', title: 'Service Unavailable', field: { option: 'retryAfter', header: 'Retry-After', required: false },
    description:
      'The server cannot handle the request now, because it is overloaded or down for maintenance. When the end of the outage is known the answer carries `Retry-After`, saying when to come back.',
    resolution: 'Retry after the time in `Retry-After`, or later with backoff when it is absent.' },
  { status: 504, name: 'GatewayTimeout', title: 'Gateway Timeout',
    description:
      'The server, acting as a gateway or proxy, did not get an answer in time from the upstream server it called.',
    resolution: 'Retry later with backoff; if it persists, report it with the `correlationId`.' },
  { status: 505, name: 'HTTPVersionNotSupported', title: 'HTTP Version Not Supported',
    description:
      'The server does not support the major HTTP version used by the request.',
    resolution: 'Repeat the request with a supported HTTP version, such as HTTP/1.1.' },
  { status: 506, name: 'VariantAlsoNegotiates', title: 'Variant Also Negotiates',
    description:
      'The server\'s content negotiation is misconfigured: the chosen variant negotiates again, in a loop.',
    resolution: 'Report the problem to the service\'s operators with the `correlationId`; retrying will not help.' },
  { status: 507, name: 'InsufficientStorage', title: 'Insufficient Storage',
    description:
      'The server cannot store what it needs to complete the request (WebDAV).',
    resolution: 'Retry later, or reduce what the request stores.' },
  { status: 508, name: 'LoopDetected', title: 'Loop Detected',
    description:
      'The server found an infinite loop while processing the request (WebDAV).',
    resolution: 'Report the problem with the `correlationId`; retrying the same request will not help.' },
  { status: 510, name: 'NotExtended', title: 'Not Extended',
    description:
      'The request does not carry an extension the server requires to fulfil it.',
    resolution: 'Repeat the request with the extension the `detail` names.' },
  { status: 511, name: 'NetworkAuthenticationRequired', title: 'Network Authentication Required',
    description:
      'The client must authenticate to gain network access, typically at a captive portal of a Wi-Fi network, not at the service itself.',
    resolution: 'Open a browser and complete the network\'s sign-in, then repeat the request.' },
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
