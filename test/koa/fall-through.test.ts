/**
 * Koa: which answers the middleware turns into a 404 problem. Only Koa's own fall-through (still
 * the 404 it starts with, no body, nothing written, Koa to respond): a route that answered in any
 * other way keeps its answer, and no problem is logged for it.
 */
import Koa from 'koa'
import { inject } from 'light-my-request'
import { describe, expect, it } from 'vitest'
import { problems } from '../../src/koa/index.js'
import { memoryLogger, problemLogs } from '../express/helpers.js'

function appWith(route: Koa.Middleware) {
  const { logger, logs } = memoryLogger()
  const app = new Koa()
  app.use(problems({ logger }))
  app.use(route)
  return { listener: app.callback(), logs }
}

describe('Koa fall-through', () => {
  it('answers an unanswered request with a 404 problem', async () => {
    const { listener, logs } = appWith(async () => undefined)
    const response = await inject(listener, { url: '/nothing' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(problemLogs(logs)).toHaveLength(1)
  })

  it('keeps a status without a body (204) as the route set it', async () => {
    const { listener, logs } = appWith(async (ctx) => {
      ctx.status = 204
    })
    const response = await inject(listener, { method: 'DELETE', url: '/items/1' })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    expect(problemLogs(logs)).toHaveLength(0)
  })

  it('leaves a route that answers by itself (ctx.respond = false), even later', async () => {
    const { listener, logs } = appWith(async (ctx) => {
      ctx.respond = false
      setTimeout(() => ctx.res.writeHead(200, { 'content-type': 'text/plain' }).end('streamed by the route'), 20)
    })
    const response = await inject(listener, { url: '/raw' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('streamed by the route')
    expect(problemLogs(logs)).toHaveLength(0)
  })

  it('leaves a 404 the route already wrote to the socket, and logs no problem for it', async () => {
    const { listener, logs } = appWith(async (ctx) => {
      ctx.res.writeHead(404, { 'content-type': 'text/plain', 'x-own': '1' })
      ctx.res.end('not here')
    })
    const response = await inject(listener, { url: '/own-404' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['x-own']).toBe('1')
    expect(response.body).toBe('not here')
    expect(problemLogs(logs)).toHaveLength(0)
  })
})
