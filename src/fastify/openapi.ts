/**
 * The `openapi` option: the OpenAPI document @fastify/swagger builds shows the problem answers of
 * every route (`4XX` and `5XX`, `application/problem+json`, `problemSchema`), whatever the type
 * provider (plain JSON Schema, TypeBox, zod).
 *
 * The responses never enter the route's `schema.response`: Fastify hands every response schema
 * to the serializer compiler, and the one a type provider installs may refuse JSON Schema
 * (fastify-type-provider-zod's throws at `ready()`), as may its swagger `transform`
 * (`jsonSchemaTransform`). Problem bodies are sent pre-serialized and need no serializer anyway.
 * So it works in two steps, both at start-up, nothing per request:
 *
 * 1. `onRoute`: `problemResponsesFor` decides the route's problem responses, and they ride in the
 *    route schema under an `x-` key, which Fastify ignores, transforms pass through (zod's keeps
 *    unknown keys) and @fastify/swagger copies into the operation as an extension;
 * 2. `onReady`: the `swagger()` decorator is wrapped so that each operation's extension becomes
 *    its responses, after every transform has run. A response the route documents itself wins.
 */
import type { FastifyInstance, RouteOptions } from 'fastify'
import { problemSchema } from '../schema.js'
import { catalogEntries, declaredProblemResponses, type EntryOf } from './route-problems.js'

/** The media type problem responses are documented under. */
const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/** The operation extension that carries a route's problem responses into the document. */
export const PROBLEM_RESPONSES_KEY = 'x-http-problems-responses'

/** An OpenAPI 3 Response Object, as this module writes them. */
export interface OpenApiResponse {
  description: string
  headers?: Record<string, { description?: string; schema: Record<string, unknown> }>
  content?: Record<string, { schema: Record<string, unknown>; example?: unknown; examples?: Record<string, unknown> }>
}

/** What the responses of a route are built from: the route, and the plugin settings they need. */
export interface ProblemResponseSettings {
  correlationIdHeader: string
  /** For the `type` URIs of the problems a route declares (`config.problems`). */
  typeBaseUrl?: string | undefined
}

/**
 * Adds the hooks that document the problem responses of every route registered after the plugin.
 */
export function documentProblemResponses(fastify: FastifyInstance, settings: ProblemResponseSettings): void {
  const entryOf = catalogEntries(settings)
  fastify.addHook('onRoute', (route) => attachProblemResponses(route, problemResponsesFor(route, settings, entryOf)))
  fastify.addHook('onReady', async function wrapSwaggerOnReady() {
    wrapSwaggerDecorator(fastify)
  })
}

/**
 * The one place that decides which problem responses a route gets, keyed by status or range as
 * OpenAPI writes them (`4XX`, `404`): one per status of the problems the route declares
 * (`config.problems`, route-problems.ts), then a `4XX` and a `5XX` problem response for every route.
 */
export function problemResponsesFor(
  route: RouteOptions,
  settings: ProblemResponseSettings,
  entryOf: EntryOf = catalogEntries(settings),
): Record<string, OpenApiResponse> {
  return {
    ...declaredProblemResponses(route, entryOf, settings.correlationIdHeader),
    '4XX': problemResponse('Client error: a problem details object.', settings.correlationIdHeader),
    '5XX': problemResponse('Server error: a problem details object.', settings.correlationIdHeader),
  }
}

/**
 * Puts `responses` on the route under `PROBLEM_RESPONSES_KEY`. The route's schema object is
 * replaced, never edited, since routes often share one schema object.
 */
export function attachProblemResponses(route: RouteOptions, responses: Record<string, OpenApiResponse>): void {
  if (Object.keys(responses).length === 0) return
  // FastifySchema lists Fastify's own keys; swagger and the type providers accept any others.
  route.schema = { ...route.schema, [PROBLEM_RESPONSES_KEY]: responses } as RouteOptions['schema']
}

function problemResponse(description: string, correlationIdHeader: string): OpenApiResponse {
  return {
    description,
    headers: {
      [correlationIdHeader]: {
        description: 'The correlation id of the request; the same value as the body\'s `correlationId`.',
        schema: { type: 'string' },
      },
    },
    // A copy per route: tools may annotate the schema objects they are given.
    content: { [PROBLEM_MEDIA_TYPE]: { schema: structuredClone(problemSchema) } },
  }
}

type SwaggerDecorator = (options?: { yaml?: boolean }) => unknown

/**
 * Wraps @fastify/swagger's `swagger()` decorator, when there is one, so that the documents it
 * returns carry the problem responses. Runs once, at `onReady`. YAML is asked of the wrapped
 * function as the JSON document, in JSON syntax: every YAML 1.2 parser reads it, and it is the
 * same document (swagger builds its YAML from a fresh object the extension would still be in).
 */
function wrapSwaggerDecorator(fastify: FastifyInstance): void {
  const instance = fastify as unknown as Record<string, unknown>
  const original = instance.swagger
  if (typeof original !== 'function') return
  instance.swagger = function swagger(this: unknown, options?: { yaml?: boolean }) {
    const document = (original as SwaggerDecorator).call(this)
    if (typeof document === 'object' && document !== null) moveProblemResponses(document as Record<string, unknown>)
    return options?.yaml === true ? JSON.stringify(document, null, 2) : document
  }
}

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * Moves each operation's `PROBLEM_RESPONSES_KEY` extension into its `responses`, beside those the
 * route documents itself (which win, whatever the case of `4xx`/`4XX`). Idempotent. In a Swagger
 * 2.0 document, which has no status ranges, the extension is only removed.
 */
export function moveProblemResponses(document: Record<string, unknown>): void {
  const isOpenApi3 = typeof document.openapi === 'string' && document.openapi.startsWith('3.')
  for (const pathItem of Object.values(objectOrEmpty(document.paths))) {
    for (const method of OPERATION_METHODS) {
      const operation = objectOrEmpty(objectOrEmpty(pathItem)[method])
      if (!Object.hasOwn(operation, PROBLEM_RESPONSES_KEY)) continue
      const problems = objectOrEmpty(operation[PROBLEM_RESPONSES_KEY])
      Reflect.deleteProperty(operation, PROBLEM_RESPONSES_KEY)
      if (!isOpenApi3) continue
      const responses = objectOrEmpty(operation.responses)
      const documented = new Set(Object.keys(responses).map((code) => code.toUpperCase()))
      for (const code of Object.keys(problems)) {
        if (!documented.has(code.toUpperCase())) responses[code] = problems[code]
      }
      operation.responses = responses
    }
  }
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}
