/**
 * The gateway: answers `/api/users/:id` by calling the users service. It forwards the correlation
 * id (and `traceparent`), passes a users 4xx on as the same problem, and turns a users crash, an
 * unreachable users service or a slow one (slow to answer, or to send its body) into a 502/504 that names the upstream but never
 * repeats its internal detail. Every answer has the same problem body format.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { correlationHeaders, upstreamProblem } from '../../src/client/index.js'
import problems from '../../src/index.js'
import { correlationRequestId } from './correlation.js'
import type { User } from './users.js'

/** Options of the gateway. */
export interface GatewayOptions {
  /** Base URL of the users service, e.g. `http://127.0.0.1:3001`. */
  usersUrl: string
  /** How long to wait for the users service before answering 504. Default 2000 ms. */
  timeoutMs?: number
  /** Fastify's `logger` option. Default: log at `info` to stdout, each line named after the service. */
  logger?: FastifyServerOptions['logger']
}

/**
 * Builds the gateway (not listening yet).
 *
 * @example
 * const gateway = await buildGateway({ usersUrl: 'http://127.0.0.1:3001' })
 * await gateway.listen({ host: '127.0.0.1', port: 3000 })
 */
export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const { usersUrl, timeoutMs = 2000 } = options
  const app = Fastify({ logger: options.logger ?? { level: 'info', name: 'gateway' }, genReqId: correlationRequestId })
  await app.register(problems)

  app.get<{ Params: { id: string } }>('/api/users/:id', async (request): Promise<User> => {
    const url = new URL(`/users/${encodeURIComponent(request.params.id)}`, usersUrl)
    // One `try` around the call AND the body: the timeout covers both, so a users service that
    // sends its headers and then stalls the body is a 504 too, not a 500 from a stray rejection.
    try {
      const response = await fetch(url, { headers: correlationHeaders(request), signal: AbortSignal.timeout(timeoutMs) })
      if (!response.ok) throw await upstreamProblem(response, { service: 'users' })
      return (await response.json()) as User
    } catch (error) {
      // A problem made above from the users answer passes through unchanged (see upstreamProblem).
      throw await upstreamProblem(error, { service: 'users' })
    }
  })
  return app
}
