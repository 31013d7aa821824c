/**
 * The demo service: one route per kind of error, so you can see every problem body and header.
 * `npm start` (PORT, default 3000; HOST, default 127.0.0.1), then try the curl commands it prints.
 */
import Boom from '@hapi/boom'
import Fastify from 'fastify'
import createError from 'http-errors'
import problems, {
  clientErrorHandler,
  frameworkErrors,
  Conflict,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  defineProblem,
} from '../src/index.js'
import { postgresRules } from '../src/mapping/index.js'
import { accountsTable } from './fake-accounts-db.js'

// Type URIs point at this demo's own docs pages, so they open in a browser as they are.
const typeBaseUrl =
  process.env.TYPE_BASE_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 3000}/problems`

const OutOfCredit = defineProblem({
  name: 'OutOfCredit',
  status: 403,
  type: `${typeBaseUrl}/out-of-credit`,
  title: 'You do not have enough credit',
  description: 'The account balance does not cover the price of the request.',
  resolution: 'Top up the account, or buy something cheaper.',
  schema: {
    type: 'object',
    properties: { balance: { type: 'number' }, cost: { type: 'number' } },
    required: ['balance', 'cost'],
  },
  example: { detail: 'Your balance is 30, but that costs 50.', extensions: { balance: 30, cost: 50 } },
})

/**
 * The demo's messages, in ICU MessageFormat with the problems' extension members as arguments.
 * Built-in titles (Not Found → Nicht gefunden, Introuvable...) need no entry.
 */
const localization = {
  locales: ['en', 'de', 'fr', 'es', 'ja'],
  messages: {
    en: {
      USER_NOT_FOUND: { detail: 'No user {userId}' },
      [OutOfCredit.type]: { detail: 'Your balance is {balance, number}, but that costs {cost, number}.' },
    },
    de: {
      USER_NOT_FOUND: { detail: 'Es gibt keinen Benutzer {userId}.' },
      [OutOfCredit.type]: {
        title: 'Ihr Guthaben reicht nicht aus',
        detail: 'Ihr Guthaben beträgt {balance, number}, das kostet aber {cost, number}.',
      },
    },
    fr: { USER_NOT_FOUND: { detail: "Il n'y a pas d'utilisateur {userId}." } },
    es: { USER_NOT_FOUND: { detail: 'No existe el usuario {userId}.' } },
    ja: { USER_NOT_FOUND: { detail: 'ユーザー {userId} は存在しません。' } },
  },
}

const accounts = accountsTable(['ada@example.com'])
const users = new Map<string, { id: string; name: string }>([['1', { id: '1', name: 'Ada' }]])

export async function buildDemo() {
  // frameworkErrors and clientErrorHandler: what Fastify and Node's parser refuse before any
  // route runs (a bad URL, a malformed request) is a problem with a correlation id too.
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, frameworkErrors, clientErrorHandler })
  // `map`: a duplicate email (PostgreSQL unique violation) becomes a 409, no try/catch in the route.
  // `docs`: every type URI is a page of this service (and JSON for `accept: application/json`).
  // `localization`: titles and details in the client's language (`accept-language: de`).
  await app.register(problems, { typeBaseUrl, docs: { catalog: [OutOfCredit] }, map: postgresRules, localization })

  app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
    // This line carries the request's correlationId (request.correlationId), as every line of the request does.
    request.log.debug({ userId: request.params.id }, 'looking up a user')
    const user = users.get(request.params.id)
    // No `detail` of its own: the catalog's, in the client's language, with `userId` as its argument.
    if (user === undefined) throw new NotFound({ code: 'USER_NOT_FOUND', extensions: { userId: request.params.id } })
    return user
  })

  app.post<{ Body: { name: string } }>(
    '/users',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1 } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      if ([...users.values()].some((user) => user.name === request.body.name)) {
        throw new Conflict({ detail: `A user named ${request.body.name} exists`, code: 'USER_EXISTS' })
      }
      const user = { id: String(users.size + 1), name: request.body.name }
      users.set(user.id, user)
      return reply.created(`/users/${user.id}`, user)
    },
  )

  app.post<{ Body: { email: string } }>('/accounts', async (request, reply) => {
    const account = accounts.insert(request.body.email)
    return reply.created(`/accounts/${account.id}`, account)
  })

  app.get('/admin', async () => {
    throw new Unauthorized({ detail: 'A token is required', challenge: 'Bearer realm="demo"' })
  })
  app.get('/rate-limited', async (_request, reply) => reply.problem(new TooManyRequests({ retryAfter: 30 })))
  app.get('/maintenance', async () => {
    throw new ServiceUnavailable({ detail: 'Back at 10:00 UTC', expose: true, retryAfter: 600 })
  })
  app.get('/crash', async () => {
    throw new Error('connection to db.internal:5432 refused (this message is logged, never sent)')
  })
  app.get('/buy', async () => {
    throw new OutOfCredit({ extensions: { balance: 30, cost: 50 } })
  })
  app.get('/legacy/http-errors', async () => {
    throw createError(409, 'Thrown with http-errors')
  })
  app.get('/legacy/boom', async () => {
    throw Boom.forbidden('Thrown with @hapi/boom')
  })
  return app
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  const app = await buildDemo()
  await app.listen({ port, host })
  const base = `http://${host}:${port}`
  console.log(`
http-problems demo on ${base}. Try:
  curl -i ${base}/users/42                       # 404 problem
  curl -i ${base}/users/42 -H 'accept-language: de'   # the same problem in German (also fr, es, ja)
  curl -i -X DELETE ${base}/users/1              # automatic 405 with Allow
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{}'   # 400 with errors[].pointer
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{"name":"Grace"}'   # 201 + Location
  curl -i -X POST ${base}/accounts -H 'content-type: application/json' -d '{"email":"ada@example.com"}'   # 409: a mapped database error
  curl -i ${base}/admin                          # 401 + WWW-Authenticate
  curl -i ${base}/rate-limited                   # 429 + Retry-After
  curl -i ${base}/maintenance                    # 503 + Retry-After, exposed detail
  curl -i ${base}/crash -H 'x-correlation-id: demo-1'   # 500: generic detail, find demo-1 in the log
  curl -i ${base}/buy                            # custom problem type with extension members
  curl -i ${base}/nowhere -H 'accept: application/json' # same body as application/json
  curl -i ${base}/users/%E0%A4%A                 # 400 problem for a malformed URL (frameworkErrors)
  printf 'HELLO\r\n\r\n' | nc ${host} ${port}          # 400 problem for a malformed request (clientErrorHandler)
  curl ${base}/problems/out-of-credit -H 'accept: application/json'   # the type's catalog entry
  open ${base}/problems/ in a browser            # every type URI is a page there
`)
}
