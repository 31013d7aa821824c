/**
 * The automatic 405 through real Express apps and routers, where the walk reads mount paths and
 * request targets: trailing slashes on a mount path, a sub-app mounted at a list of paths, a
 * pattern mount that stops inside a segment, proxy (absolute-form) and asterisk-form targets, and
 * the depth bound that ends a router or app chain that loops.
 */
import http from 'node:http'
import express, { type Express } from 'express'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { problems } from '../../src/express/index.js'
import { closeAll, listen, portOf } from './helpers.js'

afterEach(closeAll)

/** `app` with the problem middleware after its routes. */
function answered(app: Express): Express {
  const { notFound, errorHandler } = problems()
  app.use(notFound, errorHandler)
  return app
}

/** Sends `method target` as written, for targets supertest would rewrite (absolute-form, `*`). */
async function rawRequest(app: Express, method: string, target: string): Promise<http.IncomingMessage> {
  const server = await listen(app)
  return new Promise((resolve, reject) => {
    http.request({ host: '127.0.0.1', port: portOf(server), method, path: target }, resolve).on('error', reject).end()
  })
}

/** A sub-app with `GET /users` and its own `notFound`, as the README asks of sub-apps. */
function adminApp(): Express {
  const admin = express()
  admin.get('/users', (_req, res) => res.end())
  return answered(admin)
}

describe('sub-apps and their mount paths', () => {
  it.each(['/admin/', '/admin//'])('a sub-app mounted at %s: a wrong method inside is a 405 with its routes', async (mountPath) => {
    const admin = adminApp()
    const app = express()
    app.use(mountPath, admin)
    const server = await listen(app)
    expect((await request(server).get('/admin/users')).status).toBe(200)
    const wrong = await request(server).delete('/admin/users')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('GET, HEAD')
  })

  it('a sub-app mounted at a list of paths is not placed: a wrong method there is a 404, never a 500', async () => {
    const admin = adminApp()
    const app = express()
    app.use(['/admin'], admin)
    const server = await listen(app)
    expect((await request(server).get('/admin/users')).status).toBe(200)
    const wrong = await request(server).delete('/admin/users')
    expect(wrong.status).toBe(404)
    expect(wrong.body).toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })
})

describe('pattern mounts', () => {
  it('a router whose pattern stops inside a segment (/ab of /abc) is not entered, as Express does not enter it', async () => {
    const app = express()
    const inner = express.Router()
    inner.put(/.*/, (_req, res) => res.end())
    app.use(/\/ab?/, inner)
    app.get('/abc', (_req, res) => res.end())
    const server = await listen(answered(app))
    const outside = await request(server).post('/abc')
    expect(outside.status).toBe(405)
    expect(outside.headers.allow).toBe('GET, HEAD')
    const inside = await request(server).post('/ab/anything')
    expect(inside.status).toBe(405)
    expect(inside.headers.allow).toBe('PUT')
  })
})

describe('request targets that are not a path', () => {
  it("an absolute-form target for the root (GET http://host/) is matched on '/'", async () => {
    const app = express()
    app.get('/', (_req, res) => res.end())
    const response = await rawRequest(answered(app), 'POST', 'http://127.0.0.1/')
    response.resume()
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })

  it('an asterisk-form target (DELETE *) is matched as Express matches it, by a pattern route', async () => {
    const app = express()
    app.get(/.*/, (_req, res) => res.end())
    const response = await rawRequest(answered(app), 'DELETE', '*')
    response.resume()
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })
})

describe('the depth bound: 32 nested routers below the app, 32 apps above the request', () => {
  /** `depth` routers, each mounted at '/r' in the one before, the last with `GET /x`. */
  function nestedRouters(depth: number): { app: Express; path: string } {
    const routers = Array.from({ length: depth }, () => express.Router())
    routers.at(-1)!.get('/x', (_req, res) => res.end())
    for (let level = 1; level < depth; level++) routers[level - 1]!.use('/r', routers[level]!)
    const app = express()
    app.use('/r', routers[0]!)
    return { app: answered(app), path: `${'/r'.repeat(depth)}/x` }
  }

  it.each([
    [32, 405],
    [33, 404],
  ])('a route %s routers deep: %s', async (depth, status) => {
    const { app, path } = nestedRouters(depth)
    const server = await listen(app)
    expect((await request(server).get(path)).status).toBe(200)
    expect((await request(server).post(path)).status).toBe(status)
  })

  /** `depth` sub-apps, each mounted at '/s' in the one before; the root routes `GET` on the full path. */
  function nestedApps(depth: number): { app: Express; path: string } {
    const path = `${'/s'.repeat(depth)}/x`
    const root = express()
    let parent = root
    for (let level = 0; level < depth; level++) {
      const child = express()
      parent.use('/s', child)
      parent = child
    }
    answered(parent)
    root.get(path, (_req, res) => res.end())
    return { app: root, path }
  }

  it.each([
    [31, 405],
    [32, 404],
  ])('the root app %s levels above the innermost sub-app: %s', async (depth, status) => {
    const { app, path } = nestedApps(depth)
    const server = await listen(app)
    expect((await request(server).post(path)).status).toBe(status)
  })
})
