import { Writable } from 'node:stream'
import type { Server } from 'node:http'
import pino from 'pino'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { buildNestDemo } from '../../examples/nestjs.js'
import { PLATFORMS } from './app.js'

describe.each(PLATFORMS)('examples/nestjs.ts on %s', (platform) => {
  it('answers the curl commands it prints', async () => {
    const lines: Record<string, any>[] = []
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)))
        callback()
      },
    })
    const app = await buildNestDemo(platform, pino(stream))
    await app.listen(0, '127.0.0.1')
    try {
      const server = app.getHttpServer() as Server
      const missing = await request(server).get('/users/42')
      expect(missing.body).toMatchObject({ type: 'https://errors.example.com/not-found', detail: 'No user 42' })
      expect((await request(server).delete('/users/1')).headers.allow).toBe('GET, HEAD')
      const invalid = await request(server).post('/users').send({ name: 'A', address: {} })
      expect(invalid.status).toBe(400)
      expect(invalid.body.errors.map((issue: { pointer: string }) => issue.pointer)).toEqual(['#/name', '#/address/city'])
      expect((await request(server).post('/users').send({ name: 'Ada', address: { city: 'London' } })).body.code).toBe('NAME_TAKEN')
      expect((await request(server).post('/users').send({ name: 'Grace', address: { city: 'Arlington' } })).status).toBe(201)
      expect((await request(server).get('/rate-limited')).headers['retry-after']).toBe('30')
      expect((await request(server).get('/maintenance')).text).not.toContain('db.internal')
      const crash = await request(server).get('/crash').set('x-correlation-id', 'demo-1')
      expect(crash.status).toBe(500)
      expect(crash.text).not.toContain('db.internal')
      expect(JSON.stringify(lines.find((line) => line.correlationId === 'demo-1'))).toContain('ECONNREFUSED db.internal:5432')
      expect((await request(server).get('/nowhere?token=secret')).text).not.toContain('secret')
    } finally {
      await app.close()
    }
  })
})
