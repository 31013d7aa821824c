/**
 * The probes: a fixed list of requests, each with the answer it must get. Every probe sends at
 * most one request, so a check sends at most `PROBES.length` requests (plus one for an OpenAPI
 * URL). None can change data: they aim at a path no service has, use safe methods on known paths,
 * or send a body that cannot pass parsing (malformed JSON, an unknown media type, a body over the
 * limit that is not valid JSON either) to a route the user named.
 */
import { JSON_CONTENT_TYPE } from '../accept.js'
import type { Expectation } from '../rules/answer.js'
import { concretePath, isBodyRoute, type Route } from './routes.js'

/** What every probe may draw on. */
export interface ProbeContext {
  /** Known routes, in the order given (`--route` first, then the OpenAPI document). */
  readonly routes: readonly Route[]
  /** Lower-case name of the correlation id header. */
  readonly correlationIdHeader: string
  /** The body size the service rejects with 413: the probe sends one byte more. */
  readonly bodyLimit: number
}

/** One planned request, its path relative to the base URL. */
export interface ProbeRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** A probe's plan: a request and the answer it must get, or why it cannot run. */
export type ProbePlan = { readonly request: ProbeRequest; readonly expected: Expectation } | { readonly skip: string }

/** One probe. */
export interface Probe {
  readonly name: string
  /** What it checks, for `--help`, the README and the JUnit report. */
  readonly description: string
  plan(context: ProbeContext): ProbePlan
}

/** A path no service serves. Its query must never show up in `instance`. */
export const UNKNOWN_PATH = '/http-problems-check?token=check'
/** A valid incoming correlation id: it must come back. */
export const VALID_CORRELATION_ID = 'http-problems-check-7f3a9c1e'
/** An invalid one (spaces, markup): it must never come back. */
export const INVALID_CORRELATION_ID = 'http-problems check <invalid id>'
/** The W3C example traceparent: with no correlation id, its trace-id is the answer's correlation id. */
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c'
const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`
const JSON_MEDIA_TYPE = JSON_CONTENT_TYPE.split(';')[0]!

const NO_BODY_ROUTE = 'needs a POST, PUT or PATCH route: give one with --route or --openapi'

/** The probes, in the order they run and are reported. */
export const PROBES: readonly Probe[] = Object.freeze([
  {
    name: 'unknown-path',
    description: 'GET of a path no service has: a 404 problem, instance without the query',
    plan: (context) => unknownPath(context, 'GET', {}),
  },
  {
    name: 'method-not-allowed',
    description: 'a known path with a safe method it does not serve: a 405 problem with Allow',
    plan: methodNotAllowed,
  },
  {
    name: 'malformed-json',
    description: 'a body that is not JSON to a JSON route: a 400 problem',
    plan: (context) => toBodyRoute(context, 400, { 'content-type': JSON_MEDIA_TYPE }, '{"http-problems-check": '),
  },
  {
    name: 'unsupported-media-type',
    description: 'a body of a media type no route takes: a 415 problem',
    plan: (context) => toBodyRoute(context, 415, { 'content-type': 'application/x-http-problems-check' }, 'http-problems-check'),
  },
  {
    name: 'payload-too-large',
    description: 'a body one byte over --body-limit (and not valid JSON either): a 413 problem',
    plan: (context) => toBodyRoute(context, 413, { 'content-type': JSON_MEDIA_TYPE }, `"${'x'.repeat(context.bodyLimit)}`),
  },
  {
    name: 'head-of-error',
    description: 'HEAD of a path no service has: the 404 headers and no body',
    plan: (context) => unknownPath(context, 'HEAD', {}, { head: true }),
  },
  {
    name: 'accept-json',
    description: 'Accept: application/json: the problem as application/json',
    plan: (context) => unknownPath(context, 'GET', { accept: JSON_MEDIA_TYPE }, { mediaTypes: [JSON_MEDIA_TYPE] }),
  },
  {
    name: 'accept-html',
    description: 'Accept: text/html: still a problem, not an HTML page',
    plan: (context) => unknownPath(context, 'GET', { accept: 'text/html' }),
  },
  {
    name: 'correlation-id-valid',
    description: 'a valid incoming correlation id: echoed in the header and the body',
    plan: (context) =>
      unknownPath(context, 'GET', { [context.correlationIdHeader]: VALID_CORRELATION_ID }, { correlationId: VALID_CORRELATION_ID }),
  },
  {
    name: 'correlation-id-invalid',
    description: 'an invalid incoming correlation id: replaced, never reflected',
    plan: (context) =>
      unknownPath(context, 'GET', { [context.correlationIdHeader]: INVALID_CORRELATION_ID }, { rejectedCorrelationId: INVALID_CORRELATION_ID }),
  },
  {
    name: 'traceparent',
    description: 'a W3C traceparent and no correlation id: its trace-id is the correlation id',
    plan: (context) => unknownPath(context, 'GET', { traceparent: TRACEPARENT }, { correlationId: TRACE_ID }),
  },
])

function unknownPath(
  context: ProbeContext,
  method: string,
  headers: Record<string, string>,
  expected: Partial<Expectation> = {},
): ProbePlan {
  return {
    request: { method, path: UNKNOWN_PATH, headers },
    expected: { status: 404, correlationIdHeader: context.correlationIdHeader, ...expected },
  }
}

/**
 * The first known path, with GET when the path does not serve it, else TRACE: both safe, so a
 * route the sources forgot cannot be triggered into changing data.
 */
function methodNotAllowed(context: ProbeContext): ProbePlan {
  const route = context.routes[0]
  if (route === undefined) return { skip: 'needs a known route: give one with --route or --openapi' }
  const served = new Set(context.routes.filter((other) => other.path === route.path).map((other) => other.method))
  const method = ['GET', 'TRACE'].find((candidate) => !served.has(candidate))
  if (method === undefined) return { skip: `${route.path} serves GET and TRACE: no safe method is left to send` }
  return {
    request: { method, path: concretePath(route.path), headers: {} },
    expected: { status: 405, correlationIdHeader: context.correlationIdHeader },
  }
}

function toBodyRoute(context: ProbeContext, status: number, headers: Record<string, string>, body: string): ProbePlan {
  const route = context.routes.find(isBodyRoute)
  if (route === undefined) return { skip: NO_BODY_ROUTE }
  return {
    request: { method: route.method, path: concretePath(route.path), headers, body },
    expected: { status, correlationIdHeader: context.correlationIdHeader },
  }
}
