/**
 * Routes from an OpenAPI 3.0/3.1 document in JSON (YAML would need a parser dependency, and the
 * package has none). Only `paths` is read; its paths are appended to the checked base URL, so a
 * service under a prefix is checked as `http-problems check https://host/v1`.
 */
import type { Route } from './routes.js'

const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * The operations of an OpenAPI document, in document order; throws a plain `Error` saying what is
 * wrong with a document that has no `paths` object.
 */
export function routesFromOpenApi(document: unknown): Route[] {
  const paths = isObject(document) ? document.paths : undefined
  if (!isObject(paths)) throw new Error('the OpenAPI document has no "paths" object')
  const routes: Route[] = []
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/') || !isObject(item)) continue
    for (const operation of OPERATIONS) {
      if (isObject(item[operation])) routes.push({ method: operation.toUpperCase(), path })
    }
  }
  return routes
}

/** Parses the text of an OpenAPI document; throws an `Error` that says JSON is required. */
export function parseOpenApi(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error('the OpenAPI document is not JSON (YAML is not supported: convert it, or use --route)')
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
