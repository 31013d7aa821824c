/**
 * The Hono demo service: the same problems as the Fastify and Express demos, from a Hono app.
 * The app itself is Web-standard (it would run as is on Bun, Deno or Cloudflare Workers, with
 * `export default { fetch }`); here @hono/node-server serves it on Node. `npm run example:hono`
 * (PORT, default 3002; HOST, default 127.0.0.1), then try the curl commands it prints.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { HTTPException } from 'hono/http-exception'
import pino from 'pino'
import { Conflict, NotFound, ServiceUnavailable, TooManyRequests, UnprocessableContent } from '../src/index.js'
import { problems } from '../src/fetch/index.js'

const users = new Map<string, { id: string; name: string }>([['1', { id: '1', name: 'Ada' }]])

/** The demo app and the `fetch` to serve (Hono's own, answering non-`Error` throws too). */
export function buildHonoDemo(logger = pino({ level: process.env.LOG_LEVEL ?? 'info' })) {
  const app = new Hono()

  app.get('/users/:id', (c) => {
    const user = users.get(c.req.param('id'))
    if (user === undefined) throw new NotFound({ detail: `No user ${c.req.param('id')}`, code: 'USER_NOT_FOUND' })
    return c.json(user)
  })
  app.post('/users', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new HTTPException(400, { message: 'The request body is not valid JSON.' })
    })
    const name = typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined
    if (typeof name !== 'string' || name === '') {
      throw new UnprocessableContent({
        detail: 'The request body is invalid.',
        code: 'VALIDATION_FAILED',
        extensions: { errors: [{ in: 'body', pointer: '#/name', detail: 'must be a non-empty string' }] },
      })
    }
    if ([...users.values()].some((user) => user.name === name)) throw new Conflict({ detail: `A user named ${name} exists`, code: 'USER_EXISTS' })
    const user = { id: String(users.size + 1), name }
    users.set(user.id, user)
    return c.json(user, 201, { location: `/users/${user.id}` })
  })
  // Hono's basicAuth throws an HTTPException carrying its challenge: the problem keeps it.
  app.use('/admin/*', basicAuth({ username: 'admin', password: 'secret', realm: 'demo' }))
  app.get('/admin/panel', (c) => c.text('welcome'))
  app.get('/rate-limited', () => {
    throw new TooManyRequests({ retryAfter: 30 })
  })
  app.get('/maintenance', () => {
    throw new ServiceUnavailable({ detail: 'Back at 10:00 UTC', expose: true, retryAfter: 600 })
  })
  app.get('/crash', () => {
    throw new Error('connection to db.internal:5432 refused (this message is logged, never sent)')
  })

  // After every route: the hooks read the app's router for 405 + Allow.
  const { onError, notFound, fetch } = problems({ typeBaseUrl: 'https://errors.example.com', logger }).hono(app)
  app.onError(onError)
  app.notFound(notFound)
  return { app, fetch }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const port = Number(process.env.PORT ?? 3002)
  const hostname = process.env.HOST ?? '127.0.0.1'
  serve({ fetch: buildHonoDemo().fetch, port, hostname }, () => {
    const base = `http://${hostname}:${port}`
    console.log(`
http-problems Hono demo on ${base}. Try:
  curl -i ${base}/users/42                       # 404 problem
  curl -i -X DELETE ${base}/users/1              # 405 with Allow, from Hono's router
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{}'        # 422 with errors[].pointer
  curl -i ${base}/admin/panel                    # 401 + basicAuth's WWW-Authenticate
  curl -i ${base}/rate-limited                   # 429 + Retry-After
  curl -i ${base}/crash -H 'x-correlation-id: demo-1'   # 500: generic detail, find demo-1 in the log
`)
  })
}
