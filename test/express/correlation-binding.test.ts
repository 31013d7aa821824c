/**
 * The `correlation` middleware and the request's logger: pino-http's one logger becomes one child
 * with the id, seen alike through `req.log` and `res.log`; a request logger that cannot make
 * children is left as it is, and the request goes on.
 */
import express from 'express'
import { pinoHttp } from 'pino-http'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { problems } from '../../src/express/index.js'
import { closeAll, listen, memoryLogger, problemLogs, type LogLine } from './helpers.js'

afterEach(closeAll)

describe('correlation and the request logger', () => {
  it("pino-http's logger stays one logger for the request and its response, bound to the id", async () => {
    const { logger, logs } = memoryLogger()
    const app = express()
    const { correlation } = problems()
    app.use(pinoHttp({ logger, autoLogging: false }), correlation)
    app.get('/same', (req, res) => {
      res.json({ same: req.log === res.log })
      res.log.info('from the response')
    })
    const server = await listen(app)
    const response = await request(server).get('/same').set('x-correlation-id', 'one-1')
    expect(response.body).toEqual({ same: true })
    expect(logs).toEqual([expect.objectContaining({ msg: 'from the response', correlationId: 'one-1' })])
  })

  it('leaves a request logger without child() as it is; the request goes on and the problem is logged through it', async () => {
    const lines: LogLine[] = []
    const write = (level: string) => (fields: object, msg?: string) => lines.push({ level, ...fields, msg })
    const handMade = { trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), fatal: write('fatal') }
    const app = express()
    const { correlation, notFound, errorHandler } = problems({ logger: memoryLogger().logger })
    app.use((req, _res, next) => {
      Object.assign(req, { log: handMade })
      next()
    }, correlation)
    app.get('/kept', (req, res) => res.json({ kept: (req as unknown as { log: unknown }).log === handMade }))
    app.use(notFound, errorHandler)
    const server = await listen(app)
    const kept = await request(server).get('/kept')
    expect(kept.status).toBe(200)
    expect(kept.body).toEqual({ kept: true })
    const missing = await request(server).get('/missing').set('x-correlation-id', 'hand-1')
    expect(missing.status).toBe(404)
    expect(problemLogs(lines)).toEqual([expect.objectContaining({ level: 'info', correlationId: 'hand-1', status: 404 })])
  })
})
