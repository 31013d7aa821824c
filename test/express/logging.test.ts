import express from 'express'
import { pinoHttp } from 'pino-http'
import request from 'supertest'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { InternalServerError, NotFound } from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { closeAll, listen, memoryLogger, problemLogs, serve } from './helpers.js'

afterEach(closeAll)

function failingRoutes(app: express.Express): void {
  app.get('/404', () => {
    throw new NotFound('No user 42')
  })
  app.get('/500', () => {
    throw new InternalServerError({ detail: 'pool exhausted', cause: new Error('ECONNREFUSED') })
  })
  app.get('/string', async () => {
    throw 'just a string'
  })
}

describe('logging', () => {
  it("uses pino-http's req.log when present, with its request bindings", async () => {
    const fromPinoHttp = memoryLogger()
    const fromOption = memoryLogger()
    const app = express()
    app.use(pinoHttp({ logger: fromPinoHttp.logger, autoLogging: false, genReqId: () => 'req-1' }))
    failingRoutes(app)
    const { errorHandler, notFound } = problems({ logger: fromOption.logger })
    app.use(notFound)
    app.use(errorHandler)
    const server = await listen(app)
    await request(server).get('/404').set('x-correlation-id', 'cid-1')
    const lines = problemLogs(fromPinoHttp.logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 30, correlationId: 'cid-1', status: 404, detail: 'No user 42', msg: '404 Not Found' })
    expect(lines[0]!.req.id).toBe('req-1')
    expect(fromOption.logs).toHaveLength(0)
  })

  it('else the logger option: 5xx with the error and its stack, 4xx without, non-errors described', async () => {
    const { server, logs } = await serve(failingRoutes)
    await request(server).get('/404')
    await request(server).get('/500')
    await request(server).get('/string')
    const [clientLine, serverLine, stringLine] = problemLogs(logs)
    expect(clientLine).toMatchObject({ level: 30, status: 404, code: 'NOT_FOUND' })
    expect(clientLine).not.toHaveProperty('err')
    expect(serverLine).toMatchObject({ level: 50, status: 500, msg: '500 Internal Server Error' })
    expect(serverLine!.err.message).toContain('pool exhausted')
    expect(serverLine!.err.stack).toContain('Error')
    expect(stringLine).toMatchObject({ level: 50, thrown: 'just a string' })
  })

  it('passes over a req.log that is not a pino logger', async () => {
    const { server, logs } = await serve((app) => {
      app.use((req, _res, next) => {
        ;(req as unknown as { log: unknown }).log = () => undefined
        next()
      })
      failingRoutes(app)
    })
    expect((await request(server).get('/404')).status).toBe(404)
    expect(problemLogs(logs)).toHaveLength(1)
  })

  it('honours logLevels, including silent', async () => {
    const { server, logs } = await serve(failingRoutes, { logLevels: { clientError: 'warn', serverError: 'silent' } })
    await request(server).get('/404')
    await request(server).get('/500')
    const lines = problemLogs(logs)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 40, status: 404 })
  })

  it('without pino-http or a logger option it logs nothing and still answers', async () => {
    const app = express()
    failingRoutes(app)
    const { errorHandler } = problems()
    app.use(errorHandler)
    const server = await listen(app)
    const response = await request(server).get('/500')
    expect(response.status).toBe(500)
    expect(response.body.detail).not.toContain('pool')
  })

  it('a logger that throws becomes a process warning, never a second error', async () => {
    const throwing = () => {
      throw new Error('log sink down')
    }
    const logger = { trace: throwing, debug: throwing, info: throwing, warn: throwing, error: throwing, fatal: throwing }
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const { server } = await serve(failingRoutes, { logger })
      expect((await request(server).get('/500')).status).toBe(500)
      await vi.waitFor(() => expect(warnings.map((warning) => (warning as { code?: string }).code)).toContain('HTTP_PROBLEMS_LOGGER_FAULT'))
    } finally {
      process.off('warning', onWarning)
    }
  })
})
