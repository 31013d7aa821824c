/**
 * Fastify's schema-validation messages in the negotiated language, by ajv-i18n: each `errors[]`
 * item read from a JSON Schema error gets its `detail` in that language; everything else of the
 * body, the log line and English answers stay as they were.
 */
import type { Ajv } from 'ajv'
import ajvErrorsModule from 'ajv-errors'
import Fastify, { type FastifyInstance } from 'fastify'
import { Type, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import problems, { BadRequest, readValidationIssues, type ProblemsOptions } from '../../src/index.js'
import type { LocalizationOptions } from '../../src/i18n/localization.js'
import { loadSchemaMessages, schemaMessagesOf } from '../../src/i18n/schema-messages.js'
import { attachedSchemaError, schemaErrorOf } from '../../src/schema-error.js'
import { buildApp, problemLogs, type LogLine } from '../fastify/helpers.js'

/** `eo` (Esperanto) is a locale ajv-i18n has no messages for. */
const LOCALIZATION: LocalizationOptions = { locales: ['en', 'de', 'de-AT', 'fr', 'ja', 'eo'], defaultLocale: 'en' }

const SCHEMA = {
  body: {
    type: 'object',
    required: ['name', 'age'],
    properties: {
      name: { type: 'string', minLength: 3 },
      age: { type: 'integer' },
      color: { enum: ['red', 'blue'] },
    },
  },
} as const

/** Missing `age`, a short `name` and a colour outside the enum: three errors with `allErrors`. */
const INVALID = { name: 'Al', color: 'green' }

/** ajv-errors is CommonJS with a `default` export: what `import` gives depends on the loader. */
const ajvErrors = ((ajvErrorsModule as { default?: unknown }).default ?? ajvErrorsModule) as (ajv: Ajv) => Ajv

const apps: FastifyInstance[] = []

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
  vi.restoreAllMocks()
})

async function schemaApp(options: ProblemsOptions = { localization: LOCALIZATION }): Promise<{ app: FastifyInstance; logs: LogLine[] }> {
  const built = await buildApp(options, { ajv: { customOptions: { allErrors: true } } })
  apps.push(built.app)
  built.app.post('/users', { schema: SCHEMA }, async () => 'ok')
  return built
}

async function post(app: FastifyInstance, acceptLanguage: string | undefined, payload: unknown = INVALID, url = '/users') {
  const headers: Record<string, string> = { 'x-correlation-id': 'fixed-id-1' }
  if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage
  return app.inject({ method: 'POST', url, payload: payload as never, headers })
}

function detailsOf(body: string): string[] {
  return (JSON.parse(body) as { errors: { detail: string }[] }).errors.map((issue) => issue.detail)
}

/** Ajv's own messages for INVALID, in Ajv's order: what every English answer carries. */
const ENGLISH = ["must have required property 'age'", 'must NOT have fewer than 3 characters', 'must be equal to one of the allowed values']

describe('schema messages in the negotiated language (ajv-i18n)', () => {
  it.each([
    ['de', 'Ungültige Anfrage', 'Der Inhalt der Anfrage ist ungültig.', ['muss das erforderliche Attribut age enthalten', 'darf nicht kürzer als 3 Zeichen sein', 'muss einem der vorgegebenen Werte entsprechen']],
    ['fr', 'Requête incorrecte', 'Le corps de la requête est invalide.', ['requiert la propriété age', 'ne doit pas faire moins de 3 caractères', 'doit être égal à une des valeurs prédéfinies']],
    ['ja', '不正なリクエスト', 'リクエストの本文が不正です。', ['必要なプロパティageがなければいけない', 'は3文字以下であってはいけない', '事前に定義された値のいずれかに等しくなければいけない']],
  ])('%s: the summary and each detail in that language, the pointers and parts as in English', async (language, title, summary, details) => {
    const { app } = await schemaApp()
    const response = await post(app, language)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-language']).toBe(language)
    const body = response.json<Record<string, unknown>>()
    expect(body.title).toBe(title)
    expect(body.detail).toBe(summary)
    expect(body.errors).toEqual([
      { in: 'body', pointer: '#/age', detail: details[0] },
      { in: 'body', pointer: '#/name', detail: details[1] },
      { in: 'body', pointer: '#/color', detail: details[2] },
    ])
  })

  it('a type error, in the querystring too', async () => {
    const { app } = await schemaApp()
    app.get('/search', { schema: { querystring: { type: 'object', properties: { page: { type: 'integer' } } } } }, async () => 'ok')
    const response = await app.inject({ method: 'GET', url: '/search?page=x', headers: { 'accept-language': 'de' } })
    expect(response.json()).toMatchObject({
      detail: 'Die Abfrageparameter der Anfrage sind ungültig.',
      errors: [{ in: 'querystring', pointer: '#/page', detail: 'muss sein: integer' }],
    })
  })

  it("a catalog message for VALIDATION_FAILED says the summary instead; a problem's own detail stays as written", async () => {
    const { app } = await schemaApp({ localization: { ...LOCALIZATION, messages: { de: { VALIDATION_FAILED: { detail: 'Bitte prüfen Sie Ihre Eingaben.' } } } } })
    app.get('/own', async () => {
      throw new BadRequest({ code: 'VALIDATION_FAILED', detail: 'The request body is invalid, says the route.' })
    })
    expect((await post(app, 'de')).json()).toMatchObject({ detail: 'Bitte prüfen Sie Ihre Eingaben.' })
    expect((await post(app, 'fr')).json()).toMatchObject({ detail: 'Le corps de la requête est invalide.' })
    const own = await app.inject({ method: 'GET', url: '/own', headers: { 'accept-language': 'fr' } })
    expect(own.json()).toMatchObject({ detail: 'The request body is invalid, says the route.' })
  })

  it("a region the service lists (de-AT) uses its language's messages", async () => {
    const { app } = await schemaApp()
    const response = await post(app, 'de-AT')
    expect(response.headers['content-language']).toBe('de-AT')
    expect(detailsOf(response.body)[0]).toBe('muss das erforderliche Attribut age enthalten')
  })

  it.each([
    ['eo', 'eo', 'a locale ajv-i18n lacks falls back to the default locale'],
    ['es', 'en', 'a language the service does not list is answered in the default locale'],
  ])('%s (Content-Language %s): %s, English, Ajv\'s own', async (acceptLanguage, contentLanguage) => {
    const { app } = await schemaApp()
    const response = await post(app, acceptLanguage)
    expect(response.headers['content-language']).toBe(contentLanguage)
    expect(detailsOf(response.body)).toEqual(ENGLISH)
  })

  it('...and to German when German is the default locale', async () => {
    const { app } = await schemaApp({ localization: { ...LOCALIZATION, defaultLocale: 'de' } })
    expect(detailsOf((await post(app, 'eo')).body)[0]).toBe('muss das erforderliche Attribut age enthalten')
    expect(detailsOf((await post(app, undefined)).body)[0]).toBe('muss das erforderliche Attribut age enthalten')
    expect(detailsOf((await post(app, 'en')).body)).toEqual(ENGLISH)
  })

  it("keeps the user's own message: ajv-errors' errorMessage is not rewritten", async () => {
    const { app } = await buildApp({ localization: LOCALIZATION }, { ajv: { customOptions: { allErrors: true }, plugins: [ajvErrors] } })
    apps.push(app)
    const schema = {
      body: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 3, errorMessage: 'Der Name ist zu kurz, bitte mindestens drei Zeichen' } },
      },
    }
    app.post('/named', { schema }, async () => 'ok')
    const response = await post(app, 'fr', { name: 'Al' }, '/named')
    expect(response.json()).toMatchObject({ errors: [{ pointer: '#/name', detail: 'Der Name ist zu kurz, bitte mindestens drei Zeichen' }] })
  })

  it('never changes the validation entries the route threw (ajv-i18n rewrites what it is given)', async () => {
    const { app } = await schemaApp()
    const entry = { instancePath: '/age', schemaPath: '#/properties/age/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }
    app.get('/thrown', async () => {
      throw Object.assign(new Error('invalid'), { validation: [entry], validationContext: 'body', statusCode: 400 })
    })
    const response = await app.inject({ method: 'GET', url: '/thrown', headers: { 'accept-language': 'de' } })
    expect(response.json()).toMatchObject({ errors: [{ pointer: '#/age', detail: 'muss sein: integer' }] })
    expect(entry).toEqual({ instancePath: '/age', schemaPath: '#/properties/age/type', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' })
  })

  it('an errors member that throws when read costs that member only, as without localization', async () => {
    const { app } = await schemaApp()
    const errors = new Proxy([{ in: 'body', pointer: '#', detail: 'x' }], { get: (target, key) => (key === 'map' ? () => { throw new Error('trap') } : Reflect.get(target, key)) })
    app.get('/hostile', async () => {
      throw new BadRequest({ code: 'HOSTILE', extensions: { errors, note: 'kept' } })
    })
    const response = await app.inject({ method: 'GET', url: '/hostile', headers: { 'accept-language': 'de' } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ title: 'Ungültige Anfrage', code: 'HOSTILE', note: 'kept' })
  })

  it('logs in the default locale: the line carries no localized text', async () => {
    const { app, logs } = await schemaApp({ localization: { ...LOCALIZATION, defaultLocale: 'en' } })
    await post(app, 'de')
    const [line] = problemLogs(logs)
    expect(line).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'The request body is invalid.', msg: '400 Bad Request' })
    expect(JSON.stringify(logs)).not.toMatch(/muss|Ungültige/)
  })
})

describe('English stays byte-identical', () => {
  const EXPECTED =
    '{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request body is invalid.","instance":"/users","code":"VALIDATION_FAILED","correlationId":"fixed-id-1","errors":[' +
    '{"in":"body","pointer":"#/age","detail":"must have required property \'age\'"},' +
    '{"in":"body","pointer":"#/name","detail":"must NOT have fewer than 3 characters"},' +
    '{"in":"body","pointer":"#/color","detail":"must be equal to one of the allowed values"}]}'

  it('without localization: the same bytes as before, no Content-Language', async () => {
    const { app } = await schemaApp({})
    const response = await post(app, 'de')
    expect(response.body).toBe(EXPECTED)
    expect(response.headers['content-language']).toBeUndefined()
  })

  it('with localization, an English answer has the same body', async () => {
    const { app } = await schemaApp()
    expect((await post(app, 'en')).body).toBe(EXPECTED)
    expect((await post(app, undefined)).body).toBe(EXPECTED)
  })
})

describe('type providers', () => {
  it('@fastify/type-provider-typebox with TypeBoxValidatorCompiler: localized too (its errors have Ajv\'s keywords and params)', async () => {
    const app = Fastify()
    apps.push(app)
    app.setValidatorCompiler(TypeBoxValidatorCompiler)
    await app.register(problems, { localization: LOCALIZATION })
    app.withTypeProvider<TypeBoxTypeProvider>().post(
      '/users',
      { schema: { body: Type.Object({ name: Type.String({ minLength: 3 }), age: Type.Integer() }, { additionalProperties: false }) } },
      async () => 'ok',
    )
    const response = await post(app, 'de', { name: 'Al', extra: 1 })
    expect(response.json<{ errors: unknown[] }>().errors).toEqual(expect.arrayContaining([
      { in: 'body', pointer: '#/age', detail: 'muss das erforderliche Attribut age enthalten' },
      { in: 'body', pointer: '#/extra', detail: 'darf keine zusätzlichen Attribute haben' },
      { in: 'body', pointer: '#/name', detail: 'darf nicht kürzer als 3 Zeichen sein' },
    ]))
  })

  it('fastify-type-provider-zod: unaffected, zod\'s messages are its own', async () => {
    const app = Fastify()
    apps.push(app)
    app.setValidatorCompiler(validatorCompiler)
    await app.register(problems, { localization: LOCALIZATION })
    app.withTypeProvider<ZodTypeProvider>().post('/users', { schema: { body: z.object({ name: z.string().min(3) }) } }, async () => 'ok')
    const response = await post(app, 'de', { name: 'Al' })
    expect(response.headers['content-language']).toBe('de')
    expect(response.json()).toMatchObject({ title: 'Ungültige Anfrage', errors: [{ pointer: '#/name', detail: 'Too small: expected string to have >=3 characters' }] })
  })
})

describe('loadSchemaMessages', () => {
  it('loads only the configured locales, by their longest tag ajv-i18n has', async () => {
    const imported: string[] = []
    const importer = async (specifier: string): Promise<unknown> => {
      imported.push(specifier)
      if (!specifier.includes('/de/')) return undefined
      const localize = (errors: { keyword: string; message?: string }[]) => {
        for (const error of errors) error.message = error.keyword === 'type' ? 'muss sein' : `unbekannt: ${error.keyword}`
      }
      return { default: localize }
    }
    const loaded = await loadSchemaMessages(['en', 'de-AT'], importer)
    expect(imported).toEqual(['ajv-i18n/localize/de-AT/index.js', 'ajv-i18n/localize/de/index.js'])
    expect([...loaded.keys()]).toEqual(['en', 'de-AT'])
    expect(loaded.get('de-AT')!(schemaErrorOf('type', {})!)).toBe('muss sein')
    expect(loaded.get('de-AT')!(schemaErrorOf('x-custom', {})!)).toBeUndefined()
    expect(loaded.get('en')!(schemaErrorOf('type', {})!)).toBeUndefined()
  })

  it('says once, as a process warning, when ajv-i18n is not installed; messages stay Ajv\'s', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const loaded = await loadSchemaMessages(['en', 'de', 'fr'], async () => undefined)
    expect([...loaded.keys()]).toEqual(['en'])
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0]![0]).toMatch(/ajv-i18n is not installed/)
  })

  it('no warning when ajv-i18n is installed but lacks a locale', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const loaded = await loadSchemaMessages(['eo'])
    expect(loaded.size).toBe(0)
    expect(warn).not.toHaveBeenCalled()
  })

  it('a localize function that throws or gives no text keeps the own message', () => {
    const throwing = schemaMessagesOf(() => {
      throw new TypeError('params')
    })
    expect(throwing(schemaErrorOf('type', {})!)).toBeUndefined()
    const silent = schemaMessagesOf(() => undefined)
    expect(silent(schemaErrorOf('type', {})!)).toBeUndefined()
  })
})

describe('the stored schema error', () => {
  it('is a frozen copy, out of the JSON and of spreads', () => {
    const entry = { instancePath: '/age', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }
    const [issue] = readValidationIssues([entry])
    expect(JSON.stringify(issue)).toBe('{"in":"body","pointer":"#/age","detail":"must be integer"}')
    expect(Object.getOwnPropertySymbols({ ...issue })).toEqual([])
    const stored = attachedSchemaError(issue)
    expect(stored).toEqual({ keyword: 'type', params: { type: 'integer' } })
    expect(Object.isFrozen(stored)).toBe(true)
    expect(stored!.params).not.toBe(entry.params)
    expect(Object.isFrozen(stored!.params)).toBe(true)
  })

  it('needs a keyword, and is read without throwing', () => {
    expect(schemaErrorOf(undefined, {})).toBeUndefined()
    expect(schemaErrorOf('', {})).toBeUndefined()
    expect(schemaErrorOf('type', null)).toEqual({ keyword: 'type', params: {} })
    expect(attachedSchemaError(null)).toBeUndefined()
    expect(attachedSchemaError({})).toBeUndefined()
    // An item of a body a route built itself may be anything: a Proxy that throws is an item without one.
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(attachedSchemaError(hostile)).toBeUndefined()
  })
})
