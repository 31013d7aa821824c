// Over a real socket, where the wire matters: HEAD framing, header injection, content length.
import createError from 'http-errors'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MethodNotAllowed, NotFound, Unauthorized } from '../../src/index.js'
import { buildApp } from './helpers.js'

let app: Awaited<ReturnType<typeof buildApp>>['app']

beforeAll(async () => {
  ;({ app } = await buildApp())
  app.get('/users/:id', async () => {
    throw new NotFound('No such user')
  })
  app.get('/evil', async () => {
    throw createError(400, 'bad', { headers: { 'X-Injected': 'a\r\nSet-Cookie: session=stolen', 'X-Fine': 'ok' } })
  })
  app.get('/auth', async () => {
    throw new Unauthorized({ challenge: 'Basic realm="api", charset="UTF-8"' })
  })
  app.get('/405', async () => {
    throw new MethodNotAllowed({ allow: ['POST'] })
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await app.close()
})

describe('over a real socket', () => {
  it('sends a problem body with a correct content length', async () => {
    const response = await request(app.server).get('/users/1?token=abc').set('x-correlation-id', 'wire-1')
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text))
    expect(JSON.parse(response.text)).toMatchObject({ status: 404, detail: 'No such user', instance: '/users/1', correlationId: 'wire-1' })
  })

  it('HEAD gets the headers and no body', async () => {
    const response = await request(app.server).head('/missing')
    expect(response.status).toBe(404)
    expect(response.headers['x-correlation-id']).toBeTruthy()
    expect(response.text).toBeUndefined()
  })

  it('never lets a foreign header value split the response', async () => {
    const response = await request(app.server).get('/evil')
    expect(response.status).toBe(400)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers['x-injected']).toBeUndefined()
    expect(response.headers['x-fine']).toBe('ok')
  })

  it('sends WWW-Authenticate and Allow as given', async () => {
    expect((await request(app.server).get('/auth')).headers['www-authenticate']).toBe('Basic realm="api", charset="UTF-8"')
    expect((await request(app.server).get('/405')).headers.allow).toBe('POST')
  })

  it('answers an automatic 405 for a known path', async () => {
    const response = await request(app.server).delete('/users/5')
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })
})
