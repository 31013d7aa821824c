/**
 * The `openapi` option: every route's schema documents its error answers, so @fastify/swagger
 * (or any tool reading route schemas) shows the problem body for 4XX and 5XX responses. It is
 * an `onRoute` hook, run once per route at registration: nothing is added to the request path.
 *
 * The responses are keyed `4xx` and `5xx`, never `default`: OpenAPI's `default` also covers
 * success codes a route does not list. Their schema sits under the `application/problem+json`
 * media type only, so Fastify uses it for nothing but problem bodies (which the plugin sends
 * pre-serialized anyway); a route's own JSON answers keep their own schemas or none.
 */
import type { FastifyInstance, RouteOptions } from 'fastify'
import { problemSchema } from '../schema.js'

/** The media type problem responses are documented under. */
const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/**
 * Adds the `onRoute` hook that documents the problem responses of every route registered after
 * it. `correlationIdHeader` is documented as a response header.
 */
export function documentProblemResponses(fastify: FastifyInstance, correlationIdHeader: string): void {
  fastify.addHook('onRoute', (route) => addProblemResponses(route, correlationIdHeader))
}

/**
 * Gives `route` a `4xx` and a `5xx` problem response unless its schema already has one for that
 * range (a route's own choice wins). The route's schema objects are replaced, never edited, since
 * routes often share one schema object.
 */
export function addProblemResponses(route: RouteOptions, correlationIdHeader: string): void {
  const schema = route.schema ?? {}
  const response = (schema.response ?? {}) as Record<string, unknown>
  const documented = new Set(Object.keys(response).map((code) => code.toLowerCase()))
  const added: Record<string, unknown> = {}
  if (!documented.has('4xx')) added['4xx'] = problemResponse('Client error: a problem details object.', correlationIdHeader)
  if (!documented.has('5xx')) added['5xx'] = problemResponse('Server error: a problem details object.', correlationIdHeader)
  if (Object.keys(added).length === 0) return
  route.schema = { ...schema, response: { ...response, ...added } }
}

function problemResponse(description: string, correlationIdHeader: string): Record<string, unknown> {
  return {
    description,
    headers: {
      [correlationIdHeader]: {
        type: 'string',
        description: 'The correlation id of the request; the same value as the body\'s `correlationId`.',
      },
    },
    // A copy per route: Fastify and @fastify/swagger may annotate the schema objects they are given.
    content: { [PROBLEM_MEDIA_TYPE]: { schema: structuredClone(problemSchema) } },
  }
}
