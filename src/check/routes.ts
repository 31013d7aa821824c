/**
 * The routes a service is known to serve, which the probes that need a real route (405, 400, 415,
 * 413) aim at. They come from `--route 'POST /users'` or from an OpenAPI document; the check
 * never guesses one.
 */
import { UsageError } from '../usage-error.js'

/** One route: a method and a path template (`/users/{id}` or `/users/:id`). */
export interface Route {
  readonly method: string
  readonly path: string
}

/** Methods whose request carries a body a route parses. */
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH'])
/** What stands in for a path parameter: a value no real record has. */
export const PATH_PARAMETER_VALUE = 'http-problems-check'

/**
 * Reads `METHOD /path`, e.g. `POST /users`; throws a `UsageError` naming `--route` otherwise.
 */
export function parseRoute(text: string): Route {
  const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(text)
  if (match === null) {
    throw new UsageError('ERR_HTTP_PROBLEMS_INVALID_OPTION', `--route must be "METHOD /path", e.g. "POST /users"; received ${JSON.stringify(text)}`)
  }
  return { method: match[1]!.toUpperCase(), path: match[2]! }
}

/** True for routes whose method may change data when a request passes validation. */
export function isBodyRoute(route: Route): boolean {
  return BODY_METHODS.has(route.method)
}

/** The path to request for a template: every parameter (`{id}`, `:id`, `*`) filled with a value no record has. */
export function concretePath(template: string): string {
  return template
    .split('/')
    // A segment that is one `{id}` is replaced whole by the `replace`, like `{id}` inside a segment.
    .map((segment) => (/^(:.+|\*)$/.test(segment) ? PATH_PARAMETER_VALUE : segment.replace(/\{[^}]*\}/g, PATH_PARAMETER_VALUE)))
    .join('/')
}
