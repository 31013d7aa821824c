/**
 * The router walk against shapes a real app does not produce (other router versions, hand-made
 * layers, cycles), over a stand-in request: it must answer, never throw.
 */
import http from 'node:http'
import express from 'express'
import type { Request } from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { unmatchedRouteProblem } from '../../src/express/index.js'
import { closeAll, listen, portOf } from './helpers.js'

afterEach(closeAll)

/** A stand-in for `req` with just what the walk reads. */
function fakeRequest(app: unknown, url: string, method = 'DELETE'): Request {
  return { app, url, originalUrl: url, method } as unknown as Request
}

/** A router-shaped function, as the `router` package makes them. */
function fakeRouter(stack: unknown[]): unknown {
  return Object.assign(() => undefined, { stack })
}

const routeLayer = (path: string, methods: unknown) => ({
  matchers: [(candidate: string) => (candidate === path ? { path, params: {} } : false)],
  route: { methods },
})

describe('the router walk', () => {
  it('skips layers it cannot read and survives matchers that throw', () => {
    const app = {
      router: fakeRouter([
        null,
        'not a layer',
        { matchers: 'not an array', route: { methods: { put: true } } },
        { matchers: [42], route: { methods: { put: true } } },
        {
          matchers: [
            () => {
              throw new URIError('bad escape')
            },
          ],
          route: { methods: { put: true } },
        },
        routeLayer('/thing', undefined),
        routeLayer('/thing', { get: false, post: true, patch: 'yes' }),
      ]),
    }
    const problem = unmatchedRouteProblem(fakeRequest(app, '/thing'))
    expect(problem.status).toBe(405)
    expect(problem.headers.allow).toBe('POST')
  })

  it('skips a matcher whose answer names no path, and tries the layer\'s next path', () => {
    const app = {
      router: fakeRouter([
        {
          matchers: [() => ({ params: {} }), () => ({ path: 42, params: {} }), (candidate: string) => (candidate === '/thing' ? { path: '/thing', params: {} } : false)],
          route: { methods: { put: true } },
        },
      ]),
    }
    const problem = unmatchedRouteProblem(fakeRequest(app, '/thing'))
    expect(problem.status).toBe(405)
    expect(problem.headers.allow).toBe('PUT')
  })

  it('answers 404 when the app has no router to read', () => {
    expect(unmatchedRouteProblem(fakeRequest(undefined, '/x')).status).toBe(404)
    expect(unmatchedRouteProblem(fakeRequest({}, '/x')).status).toBe(404)
    expect(unmatchedRouteProblem(fakeRequest({ router: { stack: [] } }, '/x')).status).toBe(404)
    // An Express router is a function with a stack: a plain object that looks like one is not read.
    expect(unmatchedRouteProblem(fakeRequest({ router: { stack: [routeLayer('/x', { get: true })] } }, '/x')).status).toBe(404)
    expect(unmatchedRouteProblem(fakeRequest({ parent: { router: fakeRouter([routeLayer('/x', { get: true })]) } }, '/x')).status).toBe(405)
  })

  it('stops climbing a parent chain that loops', () => {
    const app: Record<string, unknown> = { mountpath: '/a', router: fakeRouter([routeLayer('/a/x', { get: true })]) }
    app.parent = app
    expect(unmatchedRouteProblem(fakeRequest(app, '/a/x')).status).toBe(404)
  })

  it('stops following a router mounted inside itself', () => {
    const stack: unknown[] = []
    const looping = fakeRouter(stack)
    stack.push({ slash: true, handle: looping }, routeLayer('/only', { get: true }))
    const problem = unmatchedRouteProblem(fakeRequest({ router: looping }, '/only'))
    expect(problem.status).toBe(405)
    expect(problem.headers.allow).toBe('GET, HEAD')
  })

  it('a mount prefix must start the path and end at a segment boundary, as the router checks', () => {
    const inner = fakeRouter([routeLayer('/b', { get: true }), routeLayer('/', { post: true })])
    const app = {
      router: fakeRouter([
        // A matcher that claims a prefix the path does not start with: the router refuses it too.
        { matchers: [() => ({ path: '/elsewhere', params: {} })], handle: inner },
        { matchers: [(path: string) => (path.startsWith('/a') ? { path: '/a', params: {} } : false)], handle: inner },
      ]),
    }
    expect(unmatchedRouteProblem(fakeRequest(app, '/a/b')).headers.allow).toBe('GET, HEAD')
    expect(unmatchedRouteProblem(fakeRequest(app, '/a')).headers.allow).toBe('POST')
    expect(unmatchedRouteProblem(fakeRequest(app, '/ab')).status).toBe(404)
    expect(unmatchedRouteProblem(fakeRequest(app, '/c/b')).status).toBe(404)
  })

  it('routes an absolute-form request target by its path, as a proxy sends it', async () => {
    const app = express()
    app.get('/thing', (_req, res) => res.end())
    app.use((req, _res, next) => next(unmatchedRouteProblem(req)))
    app.use((error: { status: number; headers: Record<string, string> }, _req: Request, res: express.Response, _next: express.NextFunction) => {
      res.status(error.status).set(error.headers).end()
    })
    const server = await listen(app)
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .request({ host: '127.0.0.1', port: portOf(server), method: 'POST', path: `http://127.0.0.1:${portOf(server)}/thing?q=1` }, resolve)
        .on('error', reject)
        .end()
    })
    response.resume()
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
    // An unparsable target is looked up as it is, and matches nothing.
    expect(unmatchedRouteProblem(fakeRequest({ router: fakeRouter([]) }, 'no-slash')).status).toBe(404)
  })
})
