/**
 * `frameworkErrors` and `clientErrorHandler` are given to Fastify's constructor, before the plugin
 * is registered, yet answer with the options the plugin was registered with on that instance:
 * each app its own, found when the request comes. Each test registers its own apps, so the
 * registration is part of what it checks.
 */
import { once } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { clientErrorHandler, frameworkErrors } from '../../src/index.js'

const apps: FastifyInstance[] = []

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

async function appWith(correlationIdHeader: string): Promise<FastifyInstance> {
  const app = Fastify({ frameworkErrors, clientErrorHandler })
  apps.push(app)
  await app.register(problems, { correlationIdHeader })
  app.get('/items/:id', async () => 'ok')
  return app
}

/** What the server writes back to `bytes` until it closes the connection. */
async function rawAnswer(app: FastifyInstance, bytes: string): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const socket = net.connect((app.server.address() as AddressInfo).port, '127.0.0.1')
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.write(bytes)
  await once(socket, 'close')
  return Buffer.concat(chunks).toString('latin1')
}

describe('answers before routing use the options registered on the instance', () => {
  it('a bad URL (frameworkErrors) carries the correlation id in the configured header', async () => {
    const app = await appWith('x-trace-ref')
    const response = await app.inject('/items/%ZZ')
    expect(response.statusCode).toBe(400)
    expect(response.headers['x-trace-ref']).toBe(response.json().correlationId)
    expect(response.headers).not.toHaveProperty('x-correlation-id')
  })

  it('each app answers with its own options', async () => {
    const [first, second] = await Promise.all([appWith('x-first-id'), appWith('x-second-id')])
    const fromFirst = await first.inject('/items/%ZZ')
    const fromSecond = await second.inject('/items/%ZZ')
    expect(fromFirst.headers['x-first-id']).toBe(fromFirst.json().correlationId)
    expect(fromFirst.headers).not.toHaveProperty('x-second-id')
    expect(fromSecond.headers['x-second-id']).toBe(fromSecond.json().correlationId)
    expect(fromSecond.headers).not.toHaveProperty('x-first-id')
  })

  it("a request Node's parser refuses (clientErrorHandler) carries the correlation id in the configured header", async () => {
    const app = await appWith('x-trace-ref')
    const answer = await rawAnswer(app, 'HELLO THERE\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    const id = (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { correlationId: string }).correlationId
    expect(answer).toContain(`\r\nx-trace-ref: ${id}\r\n`)
    expect(answer.toLowerCase()).not.toContain('x-correlation-id')
  })
})
