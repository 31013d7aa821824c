/**
 * Property: no `Accept-Language` value, however strange, crashes the answer or changes its
 * status; the answer always names one of the service's locales and varies on the header. Runs
 * through the negotiator directly (fast, many runs) and through the plugin (the wire path).
 */
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadRequest, NotFound, TooManyRequests } from '../../src/index.js'
import { resolveLocalization } from '../../src/i18n/localization.js'
import { localize } from '../../src/i18n/localize.js'
import { buildApp } from '../fastify/helpers.js'
import { LOCALIZATION } from './fixtures.js'

const LOCALES = new Set(['en', 'de', 'de-AT', 'fr', 'ja', 'it'])

/** Accept-Language-ish values: real tags and weights, mixed with arbitrary text and separators. */
const fieldPart = fc.oneof(
  fc.constantFrom('de', 'de-AT', 'DE-at', 'fr-CA', 'ja', 'es', '*', 'en-1', 'i-klingon', 'x-private', 'zh-Hant-TW', ''),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[a-zA-Z]{1,9}(-[a-zA-Z0-9]{1,9}){0,3}$/),
)
const weight = fc.oneof(
  fc.constant(''),
  fc.double({ min: -1, max: 2, noNaN: false }).map((q) => `;q=${q}`),
  fc.constantFrom(';q=0', ';q=1', ';q=0.5', ';Q=0.001', ';q=', ';q=1.0001', '; q = 0.3', ';level=1'),
)
const acceptLanguage = fc.oneof(
  fc.array(fc.tuple(fieldPart, weight).map(([tag, q]) => `${tag}${q}`), { maxLength: 40 }).map((members) => members.join(',')),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.array(fc.string(), { maxLength: 5 }),
)

describe('any Accept-Language', () => {
  const localization = resolveLocalization(LOCALIZATION)!
  const problems = [new NotFound(), new BadRequest({ code: 'OUT_OF_CREDIT', extensions: { balance: 1, cost: 2 } }), new BadRequest({ code: 'HALF_BROKEN' })]

  it('localizes to one of the locales, never throwing', () => {
    fc.assert(
      fc.property(acceptLanguage, fc.constantFrom(...problems), (field, problem) => {
        const { language, text } = localize(problem, problem.status, field, localization)
        expect(LOCALES.has(language)).toBe(true)
        expect(typeof text.title).toBe('string')
        expect(text.title).not.toBe('')
      }),
      { numRuns: 2000 },
    )
  })

  describe('through the plugin', () => {
    let app: FastifyInstance

    beforeAll(async () => {
      ;({ app } = await buildApp({ localization: LOCALIZATION }))
      app.get('/limited', async () => {
        throw new TooManyRequests({ retryAfter: 5 })
      })
      app.get('/crash', async () => {
        throw new Error('boom')
      })
    })

    afterAll(async () => {
      await app.close()
    })

    it('keeps the status, the problem body and the headers', async () => {
      await fc.assert(
        fc.asyncProperty(acceptLanguage, fc.constantFrom(['/limited', 429] as const, ['/crash', 500] as const), async (field, [url, status]) => {
          const response = await app.inject({ url, headers: { 'accept-language': field as string } })
          expect(response.statusCode).toBe(status)
          expect(response.json()).toMatchObject({ status })
          expect(LOCALES.has(response.headers['content-language'] as string)).toBe(true)
          expect(response.headers.vary).toBe('Accept, Accept-Language')
        }),
        { numRuns: 200 },
      )
    })
  })
})
