/**
 * Localized problems through the Fastify plugin: titles and details in the negotiated language,
 * `Content-Language` and `Vary: Accept-Language`, fallbacks, and logs in the default locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { BadRequest, Conflict, NotFound, defineProblem } from '../../src/index.js'
import { buildApp, problemLogs, type LogLine } from '../fastify/helpers.js'
import { LOCALIZATION, OUT_OF_CREDIT_TYPE } from './fixtures.js'

const OutOfCredit = defineProblem({
  name: 'OutOfCredit',
  status: 403,
  type: OUT_OF_CREDIT_TYPE,
  title: 'You do not have enough credit',
  code: 'OUT_OF_CREDIT',
  schema: { type: 'object', properties: { balance: { type: 'number' }, cost: { type: 'number' } }, required: ['balance', 'cost'] },
  example: { extensions: { balance: 30, cost: 50 } },
})

let app: FastifyInstance
let logs: LogLine[]

beforeAll(async () => {
  ;({ app, logs } = await buildApp({ localization: LOCALIZATION }))
  app.get('/not-found', async () => {
    throw new NotFound()
  })
  app.get('/no-user', async () => {
    throw new NotFound({ detail: 'No user 42', code: 'USER_NOT_FOUND' })
  })
  app.get('/out-of-credit', async () => {
    throw new OutOfCredit({ extensions: { balance: 1234.5, cost: 2000 } })
  })
  app.get('/out-of-credit-by-code', async () => {
    throw new BadRequest({ code: 'OUT_OF_CREDIT', extensions: { balance: 3, cost: 4 } })
  })
  app.get<{ Querystring: { count: string } }>('/items-left', async (request) => {
    throw new Conflict({ code: 'ITEMS_LEFT', extensions: { count: Number(request.query.count) } })
  })
  app.get('/crash', async () => {
    throw new Error('db password is hunter2')
  })
  app.get('/custom-title', async () => {
    throw new Conflict({ title: 'Duplicate', code: 'DUPLICATE' })
  })
  app.get('/unknown-code', async () => {
    throw new BadRequest({ code: 'NO_SUCH_MESSAGE' })
  })
  app.get('/half-broken', async () => {
    throw new BadRequest({ code: 'HALF_BROKEN' })
  })
  app.get('/broken', async () => {
    throw new BadRequest({ code: 'BROKEN' })
  })
  app.get('/members', async () => {
    throw new BadRequest({ code: 'SHOWS_MEMBERS', extensions: { member: 'public', flag: true, nested: { deep: 1 } } })
  })
  app.get('/nested', async () => {
    throw new BadRequest({ code: 'SHOWS_NESTED', extensions: { nested: { deep: 1 } } })
  })
  app.get('/cause', async () => {
    throw new BadRequest({ code: 'SHOWS_CAUSE', cause: 'internal secret', headers: { cause: 'header secret' } })
  })
  app.get('/vary', async (_request, reply) => {
    reply.header('vary', 'Origin, accept-language').header('content-language', 'fr')
    throw new NotFound()
  })
  app.get('/vary-star', async (_request, reply) => {
    reply.header('vary', '*')
    throw new NotFound()
  })
  app.get('/reply-problem', async (_request, reply) => reply.problem(404))
})

afterAll(async () => {
  await app.close()
})

async function get(url: string, acceptLanguage?: string, method: 'GET' | 'HEAD' = 'GET') {
  const headers = acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage }
  const response = await app.inject({ method, url, headers })
  return { response, body: method === 'HEAD' ? undefined : (response.json() as Record<string, unknown>) }
}

describe('titles and details in the negotiated language', () => {
  it('answers a built-in title in German, says so in Content-Language, and varies on Accept-Language', async () => {
    const { response, body } = await get('/not-found', 'de-DE, en;q=0.5')
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-language']).toBe('de')
    expect(response.headers.vary).toBe('Accept, Accept-Language')
    expect(body).toMatchObject({ title: 'Nicht gefunden', status: 404, code: 'NOT_FOUND' })
    expect(body).not.toHaveProperty('detail')
  })

  it.each([
    ['fr', 'Introuvable'],
    ['ja', '見つかりません'],
    ['en', 'Not Found'],
    ['es', 'Not Found'], // not a locale of this service: the default
  ])('%s → %s', async (language, title) => {
    const { response, body } = await get('/not-found', language)
    expect(body!.title).toBe(title)
    expect(response.headers['content-language']).toBe(language === 'es' ? 'en' : language)
  })

  it("keeps a problem's own detail as written, and localizes its title", async () => {
    const { body } = await get('/no-user', 'de')
    expect(body).toMatchObject({ title: 'Nicht gefunden', detail: 'No user 42', code: 'USER_NOT_FOUND' })
  })

  it('formats catalog messages with the extension members, numbers in the locale', async () => {
    expect((await get('/out-of-credit', 'en')).body).toMatchObject({
      title: 'Not enough credit',
      detail: 'Your balance is 1,234.5, the price 2,000.',
      balance: 1234.5,
      cost: 2000,
      code: 'OUT_OF_CREDIT',
    })
    expect((await get('/out-of-credit-by-code', 'de')).body).toMatchObject({
      title: 'Guthaben reicht nicht',
      detail: 'Ihr Guthaben ist 3, der Preis 4.',
    })
  })

  it("lets a type's message override its code's, member by member", async () => {
    // de has a title for the type URI and a detail for the code.
    expect((await get('/out-of-credit', 'de')).body).toMatchObject({
      title: 'Guthaben erschöpft',
      detail: 'Ihr Guthaben ist 1.234,5, der Preis 2.000.',
    })
  })

  it('falls back along the chain: de-AT → de → the default locale', async () => {
    const { response, body } = await get('/out-of-credit', 'de-AT')
    expect(response.headers['content-language']).toBe('de-AT')
    // Title from de-AT, detail (missing in de-AT) from de.
    expect(body).toMatchObject({ title: 'Guthaben reicht leider nicht', detail: 'Ihr Guthaben ist 1.234,5, der Preis 2.000.' })
    // fr has a detail and no title: the title comes from the default locale.
    const french = (await get('/out-of-credit', 'fr-CH')).body!
    expect(french.title).toBe('Not enough credit')
    expect(french.detail).toMatch(/^Votre solde est de 1\s234,5, le prix de 2\s000\.$/u)
  })

  it('answers plurals by the rules of the language', async () => {
    expect((await get('/items-left?count=1', 'en')).body!.detail).toBe('1 item is still in the cart.')
    expect((await get('/items-left?count=3', 'en')).body!.detail).toBe('3 items are still in the cart.')
    expect((await get('/items-left?count=1', 'de')).body!.detail).toBe('1 Artikel liegt noch im Warenkorb.')
    expect((await get('/items-left?count=1000', 'de')).body!.detail).toBe('1.000 Artikel liegen noch im Warenkorb.')
  })

  it('localizes the generic 5xx detail and never shows the internal message', async () => {
    const { response, body } = await get('/crash', 'de')
    expect(response.statusCode).toBe(500)
    expect(body).toMatchObject({
      title: 'Interner Serverfehler',
      detail: 'Der Server konnte die Anfrage nicht ausführen. Geben Sie die correlationId an, wenn Sie dieses Problem melden.',
      code: 'INTERNAL_SERVER_ERROR',
    })
    expect(response.body).not.toContain('hunter2')
    expect((await get('/crash', 'ja')).body!.title).toBe('サーバー内部エラー')
  })

  it('keeps a title of its own that no catalog translates', async () => {
    expect((await get('/custom-title', 'de')).body).toMatchObject({ title: 'Duplicate', code: 'DUPLICATE' })
  })

  it('a locale without built-in titles (it) takes them from the default locale', async () => {
    const { response, body } = await get('/not-found', 'it-IT')
    expect(response.headers['content-language']).toBe('it')
    expect(body!.title).toBe('Not Found')
  })

  it('answers reply.problem and the not-found handler in the language too', async () => {
    expect((await get('/reply-problem', 'de')).body!.title).toBe('Nicht gefunden')
    const unknown = await get('/nowhere', 'fr')
    expect(unknown.response.statusCode).toBe(404)
    expect(unknown.body!.title).toBe('Introuvable')
    expect(unknown.response.headers['content-language']).toBe('fr')
  })

  it('HEAD carries Content-Language and the length of the localized GET body', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/not-found', headers: { 'accept-language': 'ja', 'x-correlation-id': 'head-1' } })
    const getResponse = await app.inject({ method: 'GET', url: '/not-found', headers: { 'accept-language': 'ja', 'x-correlation-id': 'head-1' } })
    expect(head.headers['content-language']).toBe('ja')
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(getResponse.body)))
  })
})

describe('message arguments are public members only', () => {
  it('passes status and primitive extension members', async () => {
    expect((await get('/members', 'en')).body!.detail).toBe('400 public on')
  })

  it('leaves objects out: a message that needs one fails and falls back', async () => {
    const { body } = await get('/nested', 'en')
    expect(body).toMatchObject({ nested: { deep: 1 } })
    expect(body).not.toHaveProperty('detail')
  })

  it('never reads cause or headers: the message fails and no detail is sent', async () => {
    const { response, body } = await get('/cause', 'en')
    expect(response.statusCode).toBe(400)
    expect(body).not.toHaveProperty('detail')
    expect(response.body).not.toContain('secret')
  })
})

describe('fallbacks', () => {
  it('a missing message falls back to the built-in text, never to the key', async () => {
    const { body } = await get('/unknown-code', 'de')
    expect(body).toMatchObject({ title: 'Ungültige Anfrage', code: 'NO_SUCH_MESSAGE' })
    expect(body).not.toHaveProperty('detail')
  })

  it('a message that fails to format falls back to the default-locale text and is logged once', async () => {
    const before = logs.length
    const first = await get('/half-broken', 'de')
    expect(first.response.statusCode).toBe(400)
    expect(first.body!.detail).toBe('English fallback for 400.')
    expect(first.response.headers['content-language']).toBe('de')
    const second = await get('/half-broken', 'de')
    expect(second.body).toEqual({ ...first.body, correlationId: second.body!.correlationId })
    const faults = logs.slice(before).filter((line) => 'localizationFault' in line)
    expect(faults).toHaveLength(1)
    expect(faults[0]).toMatchObject({ level: 50, localizationFault: expect.stringContaining('de HALF_BROKEN.detail') })
    expect(faults[0]!.msg).toMatch(/catalog message failed to format/)
  })

  it('when the default-locale message fails too, the answer has what it would have unlocalized', async () => {
    const { body } = await get('/broken', 'en')
    expect(body!.title).toBe('Broken in English too')
    expect(body).not.toHaveProperty('detail')
    expect(JSON.stringify(body)).not.toContain('missing')
  })
})

describe('Vary and Content-Language merge with the reply', () => {
  it('adds Accept-Language once to the Vary the route set, and replaces its Content-Language', async () => {
    const { response } = await get('/vary', 'de')
    expect(response.headers.vary).toBe('Origin, accept-language, Accept')
    expect(response.headers['content-language']).toBe('de')
  })

  it('leaves Vary: * alone', async () => {
    expect((await get('/vary-star', 'de')).response.headers.vary).toBe('*')
  })
})

describe('logs stay in the default locale', () => {
  it('whatever the client asked for', async () => {
    const before = logs.length
    await app.inject({ url: '/out-of-credit', headers: { 'accept-language': 'de', 'x-correlation-id': 'log-de' } })
    await app.inject({ url: '/not-found', headers: { 'accept-language': 'ja', 'x-correlation-id': 'log-ja' } })
    const lines = problemLogs(logs.slice(before))
    expect(lines.find((line) => line.correlationId === 'log-de')).toMatchObject({
      msg: '403 Not enough credit',
      detail: 'Your balance is 1,234.5, the price 2,000.',
    })
    expect(lines.find((line) => line.correlationId === 'log-ja')).toMatchObject({ msg: '404 Not Found' })
  })

  it('in German when German is the default', async () => {
    const german = await buildApp({ localization: { locales: ['en', 'de'], defaultLocale: 'de' } })
    german.app.get('/gone', async () => {
      throw new NotFound({ detail: 'Nichts da' })
    })
    const response = await german.app.inject({ url: '/gone', headers: { 'accept-language': 'en' } })
    expect(response.json()).toMatchObject({ title: 'Not Found', detail: 'Nichts da' })
    expect(response.headers['content-language']).toBe('en')
    const noHeader = await german.app.inject({ url: '/gone' })
    expect(noHeader.headers['content-language']).toBe('de')
    expect(noHeader.json()).toMatchObject({ title: 'Nicht gefunden' })
    expect(problemLogs(german.logs).map((line) => line.msg)).toEqual(['404 Nicht gefunden', '404 Nicht gefunden'])
    await german.app.close()
  })
})

describe('without the option', () => {
  it('nothing changes: no Content-Language, Vary: Accept, the problem in its own words', async () => {
    const plain = await buildApp()
    plain.app.get('/gone', async () => {
      throw new NotFound()
    })
    const response = await plain.app.inject({ url: '/gone', headers: { 'accept-language': 'de', 'x-correlation-id': 'same' } })
    expect(response.headers['content-language']).toBeUndefined()
    expect(response.headers.vary).toBe('Accept')
    expect(response.body).toBe(
      '{"type":"about:blank","title":"Not Found","status":404,"instance":"/gone","code":"NOT_FOUND","correlationId":"same"}',
    )
    await plain.app.close()
  })
})
