/**
 * The localize step itself (src/i18n/localize.ts), over problem members as any adapter passes
 * them: which title and detail the body and the log line get, and what counts as the problem's own.
 * test/i18n/fastify.test.ts has the same rules on the wire.
 */
import { describe, expect, it } from 'vitest'
import { resolveLocalization } from '../../src/i18n/localization.js'
import { localize } from '../../src/i18n/localize.js'
import type { ProblemMembers } from '../../src/problem.js'
import { SERVER_ERROR_DETAIL } from '../../src/server-error-detail.js'
import { validationDetail } from '../../src/validation.js'
import { LOCALIZATION } from './fixtures.js'

const GERMAN_SERVER_ERROR_DETAIL = 'Der Server konnte die Anfrage nicht ausführen. Geben Sie die correlationId an, wenn Sie dieses Problem melden.'

/** Problem members as a plain object: what `reply.problem` and foreign problems hand the renderer. */
function members(status: number, fields: Record<string, unknown>): ProblemMembers {
  return { status, statusCode: status, title: 'Not Found', headers: {}, expose: status < 500, extensions: {}, ...fields } as unknown as ProblemMembers
}

describe('localize: the title', () => {
  const localization = resolveLocalization(LOCALIZATION)!

  it.each([
    ['empty', ''],
    ['a number', 404],
    ['absent', undefined],
  ])('a title that is %s is the status reason phrase, said in the language', (_name, title) => {
    const localized = localize(members(404, { title }), 404, 'de', localization)
    expect(localized.text.title).toBe('Nicht gefunden')
    expect(localized.logText.title).toBe('Not Found')
  })

  it('a title of its own other than the reason phrase is kept where no catalog names it', () => {
    expect(localize(members(404, { title: 'No such order' }), 404, 'de', localization).text.title).toBe('No such order')
  })
})

describe('localize: the detail', () => {
  const localization = resolveLocalization(LOCALIZATION)!

  it('a detail that is not exposed is not shown, and no catalog or built-in one takes its place below 500', () => {
    const localized = localize(members(404, { detail: 'order 7 of tenant 3', expose: false }), 404, 'de', localization)
    expect(localized.text.detail).toBeUndefined()
    expect(localized.logText.detail).toBe('order 7 of tenant 3')
  })

  it('an exposed detail is shown as written', () => {
    expect(localize(members(404, { detail: 'order 7', expose: true }), 404, 'de', localization).text.detail).toBe('order 7')
  })

  it("a hidden 5xx detail: the body gets the language's generic one, the log line keeps the problem's own", () => {
    const problem = members(500, { title: 'Internal Server Error', detail: 'pool exhausted', expose: false })
    const localized = localize(problem, 500, 'de', localization)
    expect(localized.text).toEqual({ title: 'Interner Serverfehler', detail: GERMAN_SERVER_ERROR_DETAIL })
    expect(localized.logText).toEqual({ title: 'Internal Server Error', detail: 'pool exhausted' })
  })

  it('a 5xx without a detail logs the default locale\'s generic one', () => {
    const localized = localize(members(503, { title: 'Service Unavailable' }), 503, 'de', localization)
    expect(localized.text.detail).toBe(GERMAN_SERVER_ERROR_DETAIL)
    expect(localized.logText.detail).toBe(SERVER_ERROR_DETAIL)
  })

  it('a detail that is no string is no detail of its own: not shown, not logged', () => {
    const localized = localize(members(404, { detail: 42, expose: true }), 404, 'de', localization)
    expect(localized.text.detail).toBeUndefined()
    expect(localized.logText.detail).toBeUndefined()
  })
})

describe('localize: the summary of a validation failure', () => {
  const localization = resolveLocalization(LOCALIZATION)!
  const summary = validationDetail('body')

  it("is the library's text: said in the language", () => {
    const localized = localize(members(400, { title: 'Bad Request', code: 'VALIDATION_FAILED', detail: summary, expose: true }), 400, 'de', localization)
    expect(localized.text.detail).toBe('Der Inhalt der Anfrage ist ungültig.')
    expect(localized.logText.detail).toBe(summary)
  })

  it("a hidden one stays hidden", () => {
    const localized = localize(members(400, { title: 'Bad Request', code: 'VALIDATION_FAILED', detail: summary, expose: false }), 400, 'de', localization)
    expect(localized.text.detail).toBeUndefined()
  })

  it('the same words as the detail of a problem of another code are its own: kept as written', () => {
    const localized = localize(members(400, { title: 'Bad Request', code: 'BODY_REFUSED', detail: summary, expose: true }), 400, 'de', localization)
    expect(localized.text.detail).toBe(summary)
  })
})

describe('localize: past the chain, with no built-in messages for the default locale', () => {
  // Italian and Portuguese have no built-in titles or details.
  const localization = resolveLocalization({ locales: ['it', 'pt'] })!

  it.each([
    [500, SERVER_ERROR_DETAIL],
    [503, SERVER_ERROR_DETAIL],
    [499, undefined],
    [404, undefined],
  ])('a %i without a detail of its own gets the generic 5xx detail of the renderer, or none', (status, detail) => {
    expect(localize(members(status, { title: 'Some Title' }), status, 'pt', localization).text).toEqual({ title: 'Some Title', detail })
  })

  it('a validation summary is the problem\'s own words', () => {
    const summary = validationDetail('query')
    const localized = localize(members(400, { title: 'Bad Request', code: 'VALIDATION_FAILED', detail: summary, expose: true }), 400, 'pt', localization)
    expect(localized.text.detail).toBe(summary)
  })
})

describe('localize: catalog messages', () => {
  it("reads the problem's extension members once per answer, and only for a message that has arguments", () => {
    const localization = resolveLocalization({
      locales: ['en', 'de'],
      messages: { de: { PLAIN: { title: 'Schlicht', detail: 'Ohne Argumente.' }, ARGS: { title: 'Für {name}', detail: 'Guthaben {balance, number}.' } } },
    })!
    let reads = 0
    const counted = (code: string): ProblemMembers => {
      const problem = members(400, { title: 'Bad Request', code })
      Object.defineProperty(problem, 'extensions', {
        get: () => {
          reads += 1
          return { name: 'Ada', balance: 3 }
        },
      })
      return problem
    }
    expect(localize(counted('PLAIN'), 400, 'de', localization).text).toEqual({ title: 'Schlicht', detail: 'Ohne Argumente.' })
    expect(reads).toBe(0)
    expect(localize(counted('ARGS'), 400, 'de', localization).text).toEqual({ title: 'Für Ada', detail: 'Guthaben 3.' })
    expect(reads).toBe(1)
  })

  it('a code or type that is no string names no catalog entry', () => {
    const localization = resolveLocalization(LOCALIZATION)!
    const localized = localize(members(400, { title: 'Bad Request', code: 42, type: 42 }), 400, 'de', localization)
    expect(localized.text.title).toBe('Ungültige Anfrage')
  })

  it.each([
    [true, 'Seit true.'],
    [false, 'Seit false.'],
    [new Date(0), `Seit ${new Intl.DateTimeFormat('de', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(0))}.`],
  ])('says %s in a plain argument as text (a date as the short date and time of the locale)', (value, detail) => {
    const localization = resolveLocalization({ locales: ['en', 'de'], messages: { de: { WHEN: { detail: 'Seit {since}.' } } } })!
    const localized = localize(members(400, { title: 'Bad Request', code: 'WHEN', extensions: { since: value } }), 400, 'de', localization)
    expect(localized.faults).toEqual([])
    expect(localized.text.detail).toBe(detail)
  })

  it.each([
    [true, 'Gesperrt.'],
    [false, 'Offen.'],
  ])('selects on a boolean by its text (%s)', (locked, detail) => {
    const localization = resolveLocalization({ locales: ['en', 'de'], messages: { de: { LOCK: { detail: '{locked, select, true {Gesperrt} other {Offen}}.' } } } })!
    expect(localize(members(400, { title: 'Bad Request', code: 'LOCK', extensions: { locked } }), 400, 'de', localization).text.detail).toBe(detail)
  })
})
