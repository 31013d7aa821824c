/**
 * The Express adapter beside the middleware services run with it, the real ones, over real
 * sockets: what they set on the response before the error stays when it is valid.
 */
import cors from 'cors'
import { rateLimit, type RateLimitInfo } from 'express-rate-limit'
import helmet from 'helmet'
import createError from 'http-errors'
import { afterEach, describe, expect, it } from 'vitest'
import { NotFound } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'
import { closeServers, expressServer } from './helpers.js'

afterEach(closeServers)

async function problemOf(response: Response, status: number) {
  const text = await response.text()
  const headers = Object.fromEntries(response.headers)
  return { headers, body: expectProblem({ status: response.status, headers, text }, { status }) }
}

describe('express-rate-limit', () => {
  it('its Retry-After stays (45, not the default 60) and agrees with the body', async () => {
    const base = await expressServer((app) => {
      app.use(
        rateLimit({
          windowMs: 45_000,
          limit: 1,
          standardHeaders: 'draft-8',
          legacyHeaders: true,
          // The README of express-rate-limit: a handler that passes an error on instead of answering.
          handler: (request, _response, next) => {
            const { resetTime } = (request as typeof request & { rateLimit: RateLimitInfo }).rateLimit
            const seconds = Math.ceil((resetTime!.getTime() - Date.now()) / 1000)
            next(createError(429, `Too many requests, retry in ${seconds} seconds`))
          },
        }),
      )
      app.get('/limited', (_request, response) => {
        response.send('ok')
      })
    })
    expect((await fetch(`${base}/limited`)).status).toBe(200)
    const { headers, body } = await problemOf(await fetch(`${base}/limited`), 429)
    expect(headers['retry-after']).toBe('45')
    expect(body.detail).toBe('Too many requests, retry in 45 seconds')
    expect(headers['x-ratelimit-limit']).toBe('1')
    expect(headers['x-ratelimit-remaining']).toBe('0')
    expect(headers.ratelimit).toMatch(/^"1-in-45sec"; r=0; t=45$/)
    expect(headers['ratelimit-policy']).toMatch(/^"1-in-45sec"; q=1; w=45; pk=:/)
  })
})

describe('helmet', () => {
  it('leaves its security headers on the problem', async () => {
    const base = await expressServer((app) => {
      app.use(helmet())
      app.get('/missing', () => {
        throw new NotFound()
      })
    })
    const { headers } = await problemOf(await fetch(`${base}/missing`), 404)
    expect(headers['content-security-policy']).toContain("default-src 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['strict-transport-security']).toMatch(/^max-age=/)
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
  })
})

describe('cors', () => {
  it('keeps its CORS headers and merges its Vary: Origin with Accept', async () => {
    const base = await expressServer((app) => {
      app.use(cors({ origin: true, exposedHeaders: ['x-correlation-id'] }))
      app.get('/missing', () => {
        throw new NotFound()
      })
    })
    const { headers } = await problemOf(await fetch(`${base}/missing`, { headers: { origin: 'https://app.example' } }), 404)
    expect(headers['access-control-allow-origin']).toBe('https://app.example')
    expect(headers['access-control-expose-headers']).toBe('x-correlation-id')
    expect(headers.vary).toBe('Origin, Accept')
  })
})
