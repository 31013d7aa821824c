/**
 * The users service: a plain Fastify app with the http-problems plugin. It knows two users;
 * any other id is a 404 problem, and user 13's record is corrupt, so reading it crashes the
 * route: a 500 whose internal message stays in this service's log.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import problems, { NotFound } from '../../src/index.js'
import { correlationRequestId } from './correlation.js'

/** A user as the users service returns it. */
export interface User {
  id: string
  name: string
}

const USERS = new Map<string, User>([
  ['1', { id: '1', name: 'Ada Lovelace' }],
  ['2', { id: '2', name: 'Grace Hopper' }],
])
/** The id whose record cannot be read, to show what a crash looks like from the gateway. */
export const CORRUPT_USER_ID = '13'

function findUser(id: string): User | undefined {
  if (id === CORRUPT_USER_ID) {
    throw new Error('users.db: page checksum mismatch at 0x3f20 (postgres://users@10.1.2.3:5432/users)')
  }
  return USERS.get(id)
}

/** Options of the users service. */
export interface UsersOptions {
  /** Fastify's `logger` option. Default: log at `info` to stdout, each line named after the service. */
  logger?: FastifyServerOptions['logger']
}

/**
 * Builds the users service (not listening yet).
 *
 * @example
 * const users = await buildUsers()
 * await users.listen({ host: '127.0.0.1', port: 3001 })
 */
export async function buildUsers(options: UsersOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? { level: 'info', name: 'users' }, genReqId: correlationRequestId })
  await app.register(problems)

  app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
    const user = findUser(request.params.id)
    if (user === undefined) {
      throw new NotFound({ detail: `There is no user ${request.params.id}.`, code: 'USER_NOT_FOUND' })
    }
    return user
  })
  return app
}
