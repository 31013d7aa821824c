/**
 * The Koa demo service: the same problems as the Fastify and Express demos, from Koa with
 * @koa/router. `npm run example:koa` (PORT, default 3003; HOST, default 127.0.0.1), then try the
 * curl commands it prints.
 */
import Router from '@koa/router'
import Koa from 'koa'
import pino from 'pino'
import { Conflict, ServiceUnavailable, TooManyRequests } from '../src/index.js'
import { problems } from '../src/koa/index.js'

const users = new Map<string, { id: string; name: string }>([['1', { id: '1', name: 'Ada' }]])

export function buildKoaDemo(logger = pino({ level: process.env.LOG_LEVEL ?? 'info' })): Koa {
  const app = new Koa()
  const router = new Router()

  router.get('/users/:id', (ctx) => {
    const user = users.get(ctx.params.id!)
    // Koa's own ctx.throw (http-errors) is answered as a problem, its message as the detail.
    if (user === undefined) ctx.throw(404, `No user ${ctx.params.id}`)
    ctx.body = user
  })
  router.put('/users/:id', (ctx) => {
    if (ctx.get('if-match') === '') ctx.throw(428, 'Send If-Match with the ETag you read')
    throw new Conflict({ detail: 'The user changed since you read it', code: 'USER_CHANGED' })
  })
  router.get('/rate-limited', () => {
    throw new TooManyRequests({ retryAfter: 30 })
  })
  router.get('/maintenance', () => {
    throw new ServiceUnavailable({ detail: 'Back at 10:00 UTC', expose: true, retryAfter: 600 })
  })
  router.get('/crash', () => {
    throw new Error('connection to db.internal:5432 refused (this message is logged, never sent)')
  })

  // First: it answers what is thrown below it, the 404 fall-through, and 405 + Allow from the
  // router's routes, in place of router.allowedMethods().
  app.use(problems({ typeBaseUrl: 'https://errors.example.com', logger }))
  app.use(router.routes())
  return app
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const port = Number(process.env.PORT ?? 3003)
  const host = process.env.HOST ?? '127.0.0.1'
  buildKoaDemo().listen(port, host, () => {
    const base = `http://${host}:${port}`
    console.log(`
http-problems Koa demo on ${base}. Try:
  curl -i ${base}/users/42                       # 404 problem from ctx.throw
  curl -i -X DELETE ${base}/users/1              # 405 with Allow, from @koa/router's routes
  curl -i -X PUT ${base}/users/1                 # 428 from ctx.assert
  curl -i ${base}/nowhere                        # 404 fall-through
  curl -i ${base}/rate-limited                   # 429 + Retry-After
  curl -i ${base}/crash -H 'x-correlation-id: demo-1'   # 500: generic detail, find demo-1 in the log
`)
  })
}
