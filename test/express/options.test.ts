import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { memoryLogger } from './helpers.js'

describe('problems(options)', () => {
  it.each([
    ['unknown option', { typo: true }],
    ['a Fastify-only option', { notFound: false }],
    ['typeBaseUrl not a URI', { typeBaseUrl: 'not a url' }],
    ['validationStatus 418', { validationStatus: 418 }],
    ['wwwAuthenticate with CRLF', { wwwAuthenticate: 'Bearer\r\nX: y' }],
    ['proxyAuthenticate empty', { proxyAuthenticate: ' ' }],
    ['negative retryAfter', { retryAfter: -5 }],
    ['string retryAfter', { retryAfter: '60' }],
    ['cacheControl true', { cacheControl: true }],
    ['cacheControl number', { cacheControl: 60 }],
    ['cacheControl empty', { cacheControl: ' ' }],
    ['cacheControl with CRLF', { cacheControl: 'no-store\r\nSet-Cookie: a=b' }],
    ['bad correlationIdHeader', { correlationIdHeader: 'x correlation' }],
    ['exposeStack string', { exposeStack: 'yes' }],
    ['typeBaseUrl not a string', { typeBaseUrl: 42 }],
    ['logLevels string', { logLevels: 'info' }],
    ['logLevels unknown level', { logLevels: { clientError: 'loud' } }],
    ['logLevels bad serverError', { logLevels: { serverError: 3 } }],
    ['logLevels unknown key', { logLevels: { other: 'info' } }],
    ['logger without level methods', { logger: { info: () => undefined } }],
    ['logger a function', { logger: () => undefined }],
    ['logger null', { logger: null }],
    ['options array', []],
    ['options string', 'strict'],
  ])('rejects %s when called, with ERR_HTTP_PROBLEMS_INVALID_OPTION', (_name, options) => {
    let caught: unknown
    try {
      problems(options as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(TypeError)
    expect(caught).toBeInstanceOf(UsageError)
    expect(caught).toMatchObject({ code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION' })
  })

  it('names the option and what it accepts', () => {
    expect(() => problems({ logger: {} as never })).toThrow(/option "logger" must be a pino logger/)
    expect(() => problems({ cacheControl: true } as never)).toThrow(/option "cacheControl" must be a header value or false/)
    expect(() => problems({ cacheControl: 'a\nb' })).toThrow(/option "cacheControl" must be a non-empty header value/)
    expect(() => problems({ typo: 1 } as never)).toThrow(/option "typo" must be one of typeBaseUrl, .*logger \(unknown option\)/)
  })

  it('accepts no options, null, every shared option and a pino logger', () => {
    for (const options of [undefined, null, {}]) {
      const made = problems(options as never)
      // Express tells error handlers from other middleware by their number of parameters.
      expect(made.errorHandler).toHaveLength(4)
      expect(made.notFound).toHaveLength(3)
    }
    expect(() =>
      problems({
        typeBaseUrl: 'https://errors.example.com',
        validationStatus: 422,
        wwwAuthenticate: 'Basic',
        proxyAuthenticate: 'Basic',
        retryAfter: 10,
        correlationIdHeader: 'x-request-id',
        exposeStack: false,
        logLevels: { clientError: 'debug', serverError: 'fatal' },
        cacheControl: false,
        logger: memoryLogger().logger,
      }),
    ).not.toThrow()
  })

  it('never mutates the options object', () => {
    const options = Object.freeze({ typeBaseUrl: 'https://errors.example.com/', logLevels: Object.freeze({ clientError: 'warn' as const }) })
    expect(() => problems(options)).not.toThrow()
    expect(options.typeBaseUrl).toBe('https://errors.example.com/')
  })
})
