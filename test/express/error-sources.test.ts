/**
 * Where an Express error comes from decides its answer: the router's failure to decode a route
 * parameter is the client's bad URL (400), a route's own `URIError` is a failure of ours (500),
 * and what Node's parser refuses before any route is answered on the socket with `problems()`'s
 * own options.
 */
import { once } from 'node:events'
import { connect } from 'node:net'
import express from 'express'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { SERVER_ERROR_DETAIL } from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { closeAll, listen, portOf } from './helpers.js'

afterEach(closeAll)

describe('URIError', () => {
  it("a parameter the router cannot decode is the bad-URL 400; the route's own URIError is a 500", async () => {
    const app = express()
    const { notFound, errorHandler } = problems()
    app.get('/items/:id', (req, res) => res.json({ id: req.params.id }))
    // A cookie or header value the route decodes itself: its failure is not the request URL's.
    app.get('/own', () => decodeURIComponent('%E0%A4%A'))
    app.use(notFound, errorHandler)
    const server = await listen(app)
    const badUrl = await request(server).get('/items/%E0%A4%A')
    expect(badUrl.status).toBe(400)
    expect(badUrl.body).toMatchObject({ status: 400, code: 'BAD_URL' })
    const own = await request(server).get('/own')
    expect(own.status).toBe(500)
    expect(own.body).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', detail: SERVER_ERROR_DETAIL })
  })
})

describe('clientErrorHandler', () => {
  it("answers a request line Node's parser refuses with a raw problem in problems()'s own options", async () => {
    const app = express()
    const { clientErrorHandler } = problems({ correlationIdHeader: 'x-request-id', typeBaseUrl: 'https://errors.example.com' })
    const server = await listen(app)
    server.on('clientError', clientErrorHandler)
    const socket = connect(portOf(server), '127.0.0.1')
    await once(socket, 'connect')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.write('HELLO THERE\r\n\r\n')
    // Bounded: a handler that does nothing would leave the connection open.
    await Promise.race([once(socket, 'close'), new Promise((resolve) => setTimeout(resolve, 5000))])
    socket.destroy()
    const text = Buffer.concat(chunks).toString('latin1')
    const [head = '', body = ''] = text.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 400 /)
    const correlationId = /^x-request-id: (.+)$/im.exec(head)?.[1]
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(body)).toMatchObject({ type: 'https://errors.example.com/bad-request', status: 400, correlationId })
  })
})
