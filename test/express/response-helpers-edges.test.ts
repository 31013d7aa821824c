/**
 * `created` and `accepted` at their edges: an answer without a body keeps its own status whatever
 * the request's conditional headers, no status URL means no warning, and the warning for a dropped
 * Location says what happened.
 */
import type { Server } from 'node:http'
import express, { type RequestHandler } from 'express'
import { pinoHttp } from 'pino-http'
import request from 'supertest'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { accepted, created } from '../../src/express/index.js'
import { closeAll, listen, memoryLogger, type LogLine } from './helpers.js'

afterEach(closeAll)

const DROPPED = 'http-problems: Location dropped, the value cannot be sent as a header'

describe('created and accepted without a body', () => {
  it.each([
    ['created', '/made', 201, '/made/1'],
    ['accepted', '/queued', 202, '/jobs/1'],
  ])('%s on a conditional GET (If-None-Match: *) of %s still answers %i, not 304', async (_name, path, status, location) => {
    const app = express()
    // A GET that starts work (a report to build) answers 202 with where to watch it.
    app.get('/made', (_req, res) => created(res, '/made/1'))
    app.get('/queued', (_req, res) => accepted(res, '/jobs/1'))
    const server = await listen(app)
    const response = await request(server).get(path).set('if-none-match', '*')
    expect(response.status).toBe(status)
    expect(response.headers.location).toBe(location)
    expect(response.text).toBe('')
  })
})

describe('the Location warning', () => {
  const warnings: Error[] = []
  const onWarning = (warning: Error) => warnings.push(warning)
  beforeEach(() => {
    warnings.length = 0
    process.on('warning', onWarning)
  })
  afterEach(() => {
    process.off('warning', onWarning)
  })

  /** An app whose `/logged` route runs behind pino-http (its lines in `logs`) and whose `/bare` route does not. */
  async function serveBoth(logged: RequestHandler, bare: RequestHandler): Promise<{ server: Server; logs: LogLine[] }> {
    const { logger, logs } = memoryLogger()
    const app = express()
    app.post('/logged', pinoHttp({ logger, autoLogging: false }), logged)
    app.post('/bare', bare)
    return { server: await listen(app), logs }
  }

  it('accepted without a status URL sends no Location and warns about nothing', async () => {
    const { server, logs } = await serveBoth(
      (_req, res) => accepted(res, undefined, { state: 'queued' }),
      (_req, res) => accepted(res),
    )
    const logged = await request(server).post('/logged')
    expect(logged.status).toBe(202)
    expect(logged.headers).not.toHaveProperty('location')
    expect((await request(server).post('/bare')).status).toBe(202)
    await new Promise((resolve) => setImmediate(resolve)) // a process warning is emitted on the next tick
    expect(logs).toEqual([])
    expect(warnings).toEqual([])
  })

  it('says the Location was dropped and why, in the log line and in the process warning', async () => {
    const { server, logs } = await serveBoth(
      (_req, res) => created(res, '/x\r\nSet-Cookie: a=b'),
      (_req, res) => accepted(res, '/jobs/\u0000'),
    )
    expect((await request(server).post('/logged')).status).toBe(201)
    expect(logs).toEqual([expect.objectContaining({ level: 40, msg: DROPPED, droppedHeaders: ['location'] })])
    expect((await request(server).post('/bare')).status).toBe(202)
    await vi.waitFor(() => expect(warnings).toHaveLength(1))
    expect(warnings[0]).toMatchObject({ message: DROPPED, code: 'HTTP_PROBLEMS_LOCATION_DROPPED' })
  })
})
