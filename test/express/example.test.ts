import request from 'supertest'
import { afterAll, describe, expect, it } from 'vitest'
import { buildExpressDemo } from '../../examples/express/server.js'
import { closeAll, listen, memoryLogger, problemLogs } from './helpers.js'

afterAll(closeAll)

describe('examples/express/server.ts', () => {
  it('answers the curl commands it prints', async () => {
    const { logger, logs } = memoryLogger()
    const server = await listen(buildExpressDemo(logger))
    expect((await request(server).get('/users/42')).body.code).toBe('USER_NOT_FOUND')
    expect((await request(server).delete('/users/1')).headers.allow).toBe('GET, HEAD')
    expect((await request(server).post('/users').send({})).status).toBe(422)
    expect((await request(server).post('/users').set('content-type', 'application/json').send('{"name":')).status).toBe(400)
    const made = await request(server).post('/users').send({ name: 'Grace' })
    expect(made.status).toBe(201)
    expect(made.headers.location).toBe(`/users/${made.body.id}`)
    expect((await request(server).post('/users').send({ name: 'Grace' })).status).toBe(409)
    expect((await request(server).get('/admin')).headers['www-authenticate']).toBe('Bearer realm="demo"')
    expect((await request(server).get('/rate-limited')).headers['retry-after']).toBe('30')
    expect((await request(server).get('/maintenance')).body.detail).toBe('Back at 10:00 UTC')
    const crash = await request(server).get('/crash').set('x-correlation-id', 'demo-1')
    expect(crash.status).toBe(500)
    expect(crash.text).not.toContain('db.internal')
    expect(problemLogs(logs).find((line) => line.correlationId === 'demo-1')?.err.message).toContain('db.internal')
    expect((await request(server).get('/legacy/http-errors')).status).toBe(409)
    expect((await request(server).get('/legacy/boom')).status).toBe(403)
    expect((await request(server).get('/nowhere').set('accept', 'application/json')).headers['content-type']).toBe(
      'application/json',
    )
  })
})
