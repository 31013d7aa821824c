import express from 'express'
import { pinoHttp } from 'pino-http'
import request from 'supertest'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { accepted, created } from '../../src/express/index.js'
import { closeAll, listen, memoryLogger } from './helpers.js'

afterEach(closeAll)

describe('created and accepted', () => {
  it('created sends 201 with Location and the body, or no body', async () => {
    const app = express()
    app.post('/users', (_req, res) => created(res, '/users/42', { id: 42 }))
    app.post('/names', (_req, res) => created(res, '/names/Zoë Müller'))
    const server = await listen(app)
    const withBody = await request(server).post('/users')
    expect(withBody.status).toBe(201)
    expect(withBody.headers.location).toBe('/users/42')
    expect(withBody.body).toEqual({ id: 42 })
    const bare = await request(server).post('/names')
    expect(bare.status).toBe(201)
    // Non-ASCII and spaces are percent-encoded, as a URI reference requires.
    expect(bare.headers.location).toBe('/names/Zo%C3%AB%20M%C3%BCller')
    expect(bare.text).toBe('')
  })

  it('accepted sends 202, with the status monitor as Location when given', async () => {
    const app = express()
    app.post('/jobs', (_req, res) => accepted(res, '/jobs/7', { state: 'queued' }))
    app.post('/fire', (_req, res) => accepted(res))
    const server = await listen(app)
    const queued = await request(server).post('/jobs')
    expect(queued.status).toBe(202)
    expect(queued.headers.location).toBe('/jobs/7')
    expect(queued.body).toEqual({ state: 'queued' })
    const fire = await request(server).post('/fire')
    expect(fire.status).toBe(202)
    expect(fire.headers).not.toHaveProperty('location')
    expect(fire.text).toBe('')
  })

  it('drops a Location that would inject headers, logs it through req.log, still answers 201', async () => {
    const { logger, logs } = memoryLogger()
    const app = express()
    app.use(pinoHttp({ logger, autoLogging: false }))
    app.post('/evil', (_req, res) => created(res, '/x\r\nSet-Cookie: a=b', { ok: true }))
    const server = await listen(app)
    const response = await request(server).post('/evil')
    expect(response.status).toBe(201)
    expect(response.headers).not.toHaveProperty('location')
    expect(response.headers).not.toHaveProperty('set-cookie')
    expect(logs.find((line) => line.level === 40)).toMatchObject({ droppedHeaders: ['location'] })
  })

  it('without pino-http the dropped Location is a process warning', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const app = express()
      app.post('/evil', (_req, res) => accepted(res, '/jobs/\u0000'))
      const server = await listen(app)
      expect((await request(server).post('/evil')).status).toBe(202)
      await vi.waitFor(() =>
        expect(warnings.map((warning) => (warning as { code?: string }).code)).toContain('HTTP_PROBLEMS_LOCATION_DROPPED'),
      )
    } finally {
      process.off('warning', onWarning)
    }
  })
})
