/**
 * The Express adapter beside the real express-rate-limit, over a real socket: the headers it set
 * on the response before the error stay when they are valid. (helmet and cors: security-and-cors.test.ts.)
 */
import { rateLimit, type RateLimitInfo } from 'express-rate-limit'
import createError from 'http-errors'
import { afterEach, describe, expect, it } from 'vitest'
import { closeServers, expressServer, problemOf } from './helpers.js'

afterEach(closeServers)


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

