/**
 * Which of a path's routed methods make it a known resource. A route for OPTIONS alone (the
 * `OPTIONS *` route @fastify/cors registers, Express's `app.options('/{*splat}', cors())`, a
 * preflight route) answers CORS preflights for every path; it does not make a path exist, so
 * such a path is a 404, not a 405 that only allows OPTIONS.
 */

/**
 * `methods` when the path is served by anything but OPTIONS, else none.
 *
 * @example
 * servedMethods(['OPTIONS'])               // []
 * servedMethods(['GET', 'HEAD', 'OPTIONS']) // ['GET', 'HEAD', 'OPTIONS']
 */
export function servedMethods(methods: string[]): string[] {
  return methods.every((method) => method === 'OPTIONS') ? [] : methods
}
