/**
 * The Express demo service: the same problems as the Fastify demo, from an Express 5 app.
 * `npm run example:express` (PORT, default 3001; HOST, default 127.0.0.1), then try the curl
 * commands it prints.
 */
import Boom from '@hapi/boom'
import express from 'express'
import createError from 'http-errors'
import pino from 'pino'
import { pinoHttp } from 'pino-http'
import { Conflict, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableContent } from '../../src/index.js'
import { created, problems } from '../../src/express/index.js'

const users = new Map<string, { id: string; name: string }>([['1', { id: '1', name: 'Ada' }]])

export function buildExpressDemo(logger = pino({ level: process.env.LOG_LEVEL ?? 'info' })): express.Express {
  const app = express()
  const { errorHandler, notFound } = problems({ typeBaseUrl: 'https://errors.example.com' })

  // pino-http gives every request `req.log`; problems are logged through it, with the request id.
  app.use(pinoHttp({ logger }))
  app.use(express.json({ limit: '10kb' }))

  const usersRouter = express.Router()
  usersRouter.get('/:id', (req, res) => {
    const user = users.get(req.params.id)
    if (user === undefined) throw new NotFound({ detail: `No user ${req.params.id}`, code: 'USER_NOT_FOUND' })
    res.json(user)
  })
  usersRouter.post('/', (req, res) => {
    const name: unknown = req.body?.name
    if (typeof name !== 'string' || name === '') {
      throw new UnprocessableContent({
        detail: 'The request body is invalid.',
        code: 'VALIDATION_FAILED',
        extensions: { errors: [{ in: 'body', pointer: '#/name', detail: 'must be a non-empty string' }] },
      })
    }
    if ([...users.values()].some((user) => user.name === name)) {
      throw new Conflict({ detail: `A user named ${name} exists`, code: 'USER_EXISTS' })
    }
    const user = { id: String(users.size + 1), name }
    users.set(user.id, user)
    created(res, `/users/${user.id}`, user)
  })
  app.use('/users', usersRouter)

  app.get('/admin', () => {
    throw new Unauthorized({ detail: 'A token is required', challenge: 'Bearer realm="demo"' })
  })
  app.get('/rate-limited', (_req, _res, next) => next(new TooManyRequests({ retryAfter: 30 })))
  app.get('/maintenance', () => {
    throw new ServiceUnavailable({ detail: 'Back at 10:00 UTC', expose: true, retryAfter: 600 })
  })
  app.get('/crash', async () => {
    throw new Error('connection to db.internal:5432 refused (this message is logged, never sent)')
  })
  app.get('/legacy/http-errors', () => {
    throw createError(409, 'Thrown with http-errors')
  })
  app.get('/legacy/boom', () => {
    throw Boom.forbidden('Thrown with @hapi/boom')
  })

  // After every route: first the 404/405 answer, then the error handler.
  app.use(notFound)
  app.use(errorHandler)
  return app
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const port = Number(process.env.PORT ?? 3001)
  const host = process.env.HOST ?? '127.0.0.1'
  buildExpressDemo().listen(port, host, () => {
    const base = `http://${host}:${port}`
    console.log(`
http-problems Express demo on ${base}. Try:
  curl -i ${base}/users/42                       # 404 problem
  curl -i -X DELETE ${base}/users/1              # automatic 405 with Allow
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{}'        # 422 with errors[].pointer
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{"name":'  # 400: malformed JSON
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{"name":"Grace"}'   # 201 + Location
  curl -i ${base}/admin                          # 401 + WWW-Authenticate
  curl -i ${base}/rate-limited                   # 429 + Retry-After
  curl -i ${base}/maintenance                    # 503 + Retry-After, exposed detail
  curl -i ${base}/crash -H 'x-correlation-id: demo-1'   # 500: generic detail, find demo-1 in the log
  curl -i ${base}/nowhere -H 'accept: application/json' # same body as application/json
`)
  })
}
