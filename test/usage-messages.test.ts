// Misuse fails loudly, and the message says what to fix: each bad option of each adapter is refused
// with its code and a message naming the option, what it accepts and what it got (never more of
// the value than a short description). One case table, a column per adapter.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, { createProblem, NotFound, UsageError, notFoundHandler } from '../src/index.js'
import { problems as expressProblems } from '../src/express/index.js'

const PREFIX = 'http-problems: option'
const LEVELS = 'one of trace, debug, info, warn, error, fatal, silent'

/** Options both adapters share, the bad value, and the whole message. */
const SHARED_CASES: readonly [label: string, options: unknown, message: string][] = [
  ['options not an object', 'yes', `${PREFIX} "options" must be an object, received the string "yes"`],
  ['options an array', [], `${PREFIX} "options" must be an object, received an array`],
  ['typeBaseUrl not a URI', { typeBaseUrl: 'errors' }, `${PREFIX} "typeBaseUrl" must be an absolute URI (RFC 3986) of at most 1024 characters, received the string "errors"`],
  ['typeBaseUrl a number', { typeBaseUrl: 7 }, `${PREFIX} "typeBaseUrl" must be an absolute URI (RFC 3986) of at most 1024 characters, received number 7`],
  [
    'typeBaseUrl a URL object, not its string',
    { typeBaseUrl: new URL('https://errors.example.com/') },
    `${PREFIX} "typeBaseUrl" must be an absolute URI (RFC 3986) of at most 1024 characters, received an object`,
  ],
  [
    'typeBaseUrl one character over 1024',
    { typeBaseUrl: `https://errors.example.com/${'a'.repeat(1025 - 27)}` },
    `${PREFIX} "typeBaseUrl" must be an absolute URI (RFC 3986) of at most 1024 characters, received the string "https://errors.example.com/aaaaaaaaaaaaa"`,
  ],
  ['validationStatus 418', { validationStatus: 418 }, `${PREFIX} "validationStatus" must be 400 or 422, received number 418`],
  ['validationStatus a string', { validationStatus: '422' }, `${PREFIX} "validationStatus" must be 400 or 422, received the string "422"`],
  [
    'validationReaders not an array',
    { validationReaders: 'joi' },
    `${PREFIX} "validationReaders" must be an array of readers made by defineValidationReader, received the string "joi"`,
  ],
  [
    'validationReaders with a reader written by hand',
    { validationReaders: [{ name: 'joi', matches: () => true, read: () => undefined }] },
    `${PREFIX} "validationReaders[0]" must be a reader made by defineValidationReader`,
  ],
  ['validationReaders with null in it', { validationReaders: [null] }, `${PREFIX} "validationReaders[0]" must be a reader made by defineValidationReader`],
  ['exposeStack a string', { exposeStack: 'true' }, `${PREFIX} "exposeStack" must be a boolean, received the string "true"`],
  [
    'wwwAuthenticate empty',
    { wwwAuthenticate: ' ' },
    `${PREFIX} "wwwAuthenticate" must be a non-empty header value without control characters, received the string " "`,
  ],
  [
    'proxyAuthenticate with a line break',
    { proxyAuthenticate: 'Basic\r\nx: y' },
    `${PREFIX} "proxyAuthenticate" must be a non-empty header value without control characters, received the string "Basic\\r\\nx: y"`,
  ],
  [
    'wwwAuthenticate not a string',
    { wwwAuthenticate: true },
    `${PREFIX} "wwwAuthenticate" must be a non-empty header value without control characters, received boolean true`,
  ],
  ['retryAfter a string', { retryAfter: '60' }, `${PREFIX} "retryAfter" must be a finite, non-negative number of seconds, received the string "60"`],
  // Seconds only: unlike a problem's own retryAfter, the option takes no Date, so its refusal offers none.
  ['retryAfter negative', { retryAfter: -5 }, `${PREFIX} "retryAfter" must be a finite, non-negative number of seconds, received number -5`],
  ['retryAfter NaN', { retryAfter: Number.NaN }, `${PREFIX} "retryAfter" must be a finite, non-negative number of seconds, received number NaN`],
  ['retryAfter a Date', { retryAfter: new Date(0) }, `${PREFIX} "retryAfter" must be a finite, non-negative number of seconds, received an object`],
  ['correlationIdHeader with a space', { correlationIdHeader: 'x id' }, `${PREFIX} "correlationIdHeader" must be a valid header name, received the string "x id"`],
  ['correlationIdHeader not a string', { correlationIdHeader: 1n }, `${PREFIX} "correlationIdHeader" must be a valid header name, received bigint 1`],
  ['correlationIdHeader a number', { correlationIdHeader: 42 }, `${PREFIX} "correlationIdHeader" must be a valid header name, received number 42`],
  ['logLevels an array', { logLevels: [] }, `${PREFIX} "logLevels" must be an object { clientError?, serverError? }, received an array`],
  ['logLevels null', { logLevels: null }, `${PREFIX} "logLevels" must be an object { clientError?, serverError? }, received null`],
  ['logLevels a string', { logLevels: 'info' }, `${PREFIX} "logLevels" must be an object { clientError?, serverError? }, received the string "info"`],
  ['logLevels.clientError unknown', { logLevels: { clientError: 'loud' } }, `${PREFIX} "logLevels.clientError" must be ${LEVELS}, received the string "loud"`],
  ['logLevels.serverError unknown', { logLevels: { serverError: 'loud' } }, `${PREFIX} "logLevels.serverError" must be ${LEVELS}, received the string "loud"`],
  ['logLevels.serverError a number', { logLevels: { serverError: 50 } }, `${PREFIX} "logLevels.serverError" must be ${LEVELS}, received number 50`],
  ['logLevels with an unknown key', { logLevels: { server: 'error' } }, `${PREFIX} "logLevels.server" must be absent (unknown option), received the string "error"`],
]

/** The same misuse, as each adapter reports it. */
const ADAPTERS = {
  fastify: async (options: unknown): Promise<unknown> => {
    const app = Fastify()
    try {
      await app.register(problems, options as object)
      await app.ready()
      return undefined
    } catch (error) {
      return error
    } finally {
      await app.close()
    }
  },
  express: async (options: unknown): Promise<unknown> => {
    try {
      expressProblems(options as object)
      return undefined
    } catch (error) {
      return error
    }
  },
}

describe.each(Object.entries(ADAPTERS))('%s: each bad shared option', (_adapter, misuse) => {
  it.each(SHARED_CASES)('%s', async (_label, options, message) => {
    const error = await misuse(options)
    expect(error).toBeInstanceOf(UsageError)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toMatchObject({ name: 'UsageError', code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message })
  })

  it('an unknown option names it and lists the known ones', async () => {
    const error = (await misuse({ typeBaseURL: 'https://errors.example.com' })) as UsageError
    expect(error.code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
    expect(error.message).toMatch(/^http-problems: option "typeBaseURL" must be one of typeBaseUrl, validationStatus, validationReaders, wwwAuthenticate, proxyAuthenticate, retryAfter, upgrade, correlationIdHeader, exposeStack, logLevels, cacheControl, map, .*\(unknown option\), received the string "https:\/\/errors.example.com"$/)
  })

  it('a long string value is described by its first 40 characters only', async () => {
    const error = (await misuse({ typeBaseUrl: `${'s'.repeat(40)}SECRET` })) as UsageError
    expect(error.message.endsWith(`received the string "${'s'.repeat(40)}"`)).toBe(true)
  })

  it('options absent or null are the defaults', async () => {
    expect(await misuse(undefined)).toBeUndefined()
    expect(await misuse(null)).toBeUndefined()
  })
})

describe('fastify: its own options', () => {
  it.each([
    ['notFound a string', { notFound: 'no' }, `${PREFIX} "notFound" must be a boolean, received the string "no"`],
    ['openapi a number', { openapi: 1 }, `${PREFIX} "openapi" must be a boolean, received number 1`],
    ['onProblem an object', { onProblem: {} }, `${PREFIX} "onProblem" must be a function, received an object`],
  ])('%s', async (_label, options, message) => {
    expect(await ADAPTERS.fastify(options)).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message })
  })

  it("Fastify's own register options pass, everything else is ours to check", async () => {
    expect(await ADAPTERS.fastify({ prefix: '/api', logLevel: 'warn', logSerializers: {} })).toBeUndefined()
  })

  it('registered twice: refused, saying to register once at the root', async () => {
    const app = Fastify()
    await app.register(problems)
    await expect(app.register(problems)).rejects.toMatchObject({
      code: 'ERR_HTTP_PROBLEMS_ALREADY_REGISTERED',
      message: 'http-problems: the plugin is already registered (or another plugin decorated reply.problem); register it once, at the root',
    })
    await app.close()
  })

  it('a not-found handler already set: refused, saying how to keep both', async () => {
    const app = Fastify()
    app.setNotFoundHandler(notFoundHandler)
    await expect(app.register(problems)).rejects.toMatchObject({
      code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION',
      message: 'http-problems: a not-found handler is already set at the root; register with { notFound: false } and use notFoundHandler in yours',
    })
    await app.close()
  })
})

describe('express: its own options', () => {
  it.each([
    ['a function', () => undefined, 'function'],
    ['an object without pino methods', { info: () => undefined }, 'an object'],
  ])('logger %s', (_label, logger, received) => {
    expect(() => expressProblems({ logger: logger as never })).toThrow(
      `${PREFIX} "logger" must be a pino logger (trace, debug, info, warn, error and fatal methods), received ${received}`,
    )
  })

  it('a logger works whatever else it has', () => {
    const logger = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, () => undefined]))
    expect(() => expressProblems({ logger: logger as never })).not.toThrow()
  })
})

describe('problems themselves', () => {
  it.each([
    ['399', 399],
    ['600', 600],
    ['404.5', 404.5],
  ])('createProblem(%s): the status range, with the value received', (_label, status) => {
    expect(() => createProblem(status as never)).toThrow(
      new UsageError('ERR_HTTP_PROBLEMS_INVALID_STATUS', `http-problems: a problem status must be an integer from 400 to 599, received number ${status}`),
    )
  })

  it('createProblem with no number at all', () => {
    expect(() => createProblem('404' as never)).toThrow('http-problems: createProblem needs a numeric status, received the string "404"')
  })

  it.each([
    ['options a number', 42, '"options" must be a string (the detail) or an options object, received number 42'],
    ['detail a number', { detail: 1 }, '"detail" must be a string, received number 1'],
    ['code a boolean', { code: true }, '"code" must be a string, received boolean true'],
    ['expose a string', { expose: 'yes' }, '"expose" must be a boolean, received the string "yes"'],
    ['extensions an array', { extensions: [] }, '"extensions" must be a plain object, received an array'],
    ['headers null', { headers: null }, '"headers" must be a plain object, received null'],
  ])('a class with %s', (_label, options, message) => {
    let error: unknown
    try {
      new NotFound(options as never)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION', message: `${PREFIX} ${message}` })
  })

  it('a symbol or undefined is described by its type', () => {
    expect(() => new NotFound({ title: Symbol('t') } as never)).toThrow(`${PREFIX} "title" must be a string, received symbol`)
    expect(() => new NotFound({ type: (() => 1) as never })).toThrow(
      `${PREFIX} "type" must be a URI reference (RFC 3986) of at most 2048 characters, such as https://example.com/problems/out-of-stock, received function`,
    )
  })
})
