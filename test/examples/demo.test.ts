// The demo must keep working: each route answers with the problem its comment promises.
import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemo } from '../../examples/demo.js'

let app: Awaited<ReturnType<typeof buildDemo>>

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent'
  app = await buildDemo()
})
afterAll(async () => {
  await app.close()
})

describe('demo service', () => {
  it.each([
    ['GET', '/users/1', 200, undefined],
    ['GET', '/users/42', 404, 'USER_NOT_FOUND'],
    ['DELETE', '/users/1', 405, 'METHOD_NOT_ALLOWED'],
    ['GET', '/admin', 401, 'UNAUTHORIZED'],
    ['GET', '/rate-limited', 429, 'TOO_MANY_REQUESTS'],
    ['GET', '/maintenance', 503, 'SERVICE_UNAVAILABLE'],
    ['GET', '/crash', 500, 'INTERNAL_SERVER_ERROR'],
    ['GET', '/buy', 403, 'YOU_DO_NOT_HAVE_ENOUGH_CREDIT'],
    ['GET', '/legacy/http-errors', 409, 'CONFLICT'],
    ['GET', '/legacy/boom', 403, 'FORBIDDEN'],
    ['GET', '/nowhere', 404, 'NOT_FOUND'],
    ['GET', '/users/%E0%A4%A', 400, 'BAD_URL'],
  ])('%s %s → %i', async (method, url, status, code) => {
    const response = await app.inject({ method: method as 'GET', url })
    expect(response.statusCode).toBe(status)
    if (code !== undefined) expect(response.json().code).toBe(code)
  })

  it('answers in German for accept-language: de, and in English by default', async () => {
    const german = await app.inject({ url: '/users/42', headers: { 'accept-language': 'de' } })
    expect(german.statusCode).toBe(404)
    expect(german.headers['content-language']).toBe('de')
    expect(german.headers.vary).toBe('Accept, Accept-Language')
    expect(german.json()).toMatchObject({ title: 'Nicht gefunden', detail: 'Es gibt keinen Benutzer 42.', code: 'USER_NOT_FOUND', userId: '42' })
    const english = await app.inject({ url: '/users/42' })
    expect(english.headers['content-language']).toBe('en')
    expect(english.json()).toMatchObject({ title: 'Not Found', detail: 'No user 42' })
    const buy = await app.inject({ url: '/buy', headers: { 'accept-language': 'de-CH' } })
    expect(buy.json()).toMatchObject({ title: 'Ihr Guthaben reicht nicht aus', detail: 'Ihr Guthaben beträgt 30, das kostet aber 50.' })
    expect((await app.inject({ url: '/buy' })).json().detail).toBe('Your balance is 30, but that costs 50.')
    expect((await app.inject({ url: '/crash', headers: { 'accept-language': 'ja' } })).json().title).toBe('サーバー内部エラー')
  })

  it('creates users with 201 + Location, rejects duplicates and invalid bodies', async () => {
    const created = await app.inject({ method: 'POST', url: '/users', payload: { name: 'Grace' } })
    expect(created.statusCode).toBe(201)
    expect(created.headers.location).toBe(`/users/${created.json().id}`)
    const duplicate = await app.inject({ method: 'POST', url: '/users', payload: { name: 'Grace' } })
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'USER_EXISTS' })
    const invalid = await app.inject({ method: 'POST', url: '/users', payload: {} })
    expect(invalid.json().errors).toEqual([{ in: 'body', pointer: '#/name', detail: "must have required property 'name'" }])
  })

  it('answers a request the HTTP parser refuses with a problem, over a real socket', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const socket = net.connect((app.server.address() as AddressInfo).port, '127.0.0.1')
    socket.end('HELLO\r\n\r\n')
    const chunks: Buffer[] = []
    for await (const chunk of socket) chunks.push(chunk as Buffer)
    const answer = Buffer.concat(chunks).toString()
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(answer).toContain('content-type: application/problem+json')
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: 'Bad Request' })
  })

  it('maps a duplicate account (a PostgreSQL unique violation) to 409 without a try/catch in the route', async () => {
    const created = await app.inject({ method: 'POST', url: '/accounts', payload: { email: 'grace@example.com' } })
    expect(created.statusCode).toBe(201)
    const duplicate = await app.inject({ method: 'POST', url: '/accounts', payload: { email: 'ada@example.com' } })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json()).toMatchObject({ code: 'ALREADY_EXISTS', errors: [{ pointer: '#/email', detail: 'is already taken' }] })
    expect(duplicate.body).not.toContain('ada@example.com')
    expect(duplicate.body).not.toContain('accounts_email_key')
  })

  it('never leaks the crash message', async () => {
    const response = await app.inject('/crash')
    expect(response.body).not.toContain('db.internal')
  })
})
