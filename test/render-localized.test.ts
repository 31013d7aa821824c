// The localized answer at the renderer (src/render.ts, renderLocalized): what a RenderedProblem
// says beside the body, which every adapter reads. test/i18n has the wire and the logs.
import { describe, expect, it } from 'vitest'
import { BadRequest, NotFound, renderProblem, type RequestFacts } from '../src/index.js'
import { resolveSettings } from '../src/settings.js'
import { utf8Length } from '../src/utf8-length.js'
import { LOCALIZATION } from './i18n/fixtures.js'

const settings = resolveSettings({ localization: LOCALIZATION }).render
const facts: RequestFacts = { method: 'GET', url: '/a', correlationId: 'cid-1', acceptLanguage: 'de' }

describe('a localized problem, rendered', () => {
  it('reports no localization fault when every message formatted: the member is absent, not an empty list', () => {
    const rendered = renderProblem(new BadRequest({ code: 'OUT_OF_CREDIT', extensions: { balance: 3, cost: 4 } }), facts, settings)
    expect(rendered.headers['content-language']).toBe('de')
    expect(rendered.localizationFaults).toBeUndefined()
  })

  it('lists the messages that failed to format', () => {
    const rendered = renderProblem(new BadRequest({ code: 'BROKEN' }), { ...facts, acceptLanguage: 'en' }, settings)
    expect(rendered.localizationFaults).toHaveLength(1)
    expect(rendered.localizationFaults![0]).toMatch(/BROKEN/)
  })

  it('answers HEAD without a body, with the length of the localized GET body', () => {
    const get = renderProblem(new NotFound(), facts, settings)
    const head = renderProblem(new NotFound(), { ...facts, method: 'HEAD' }, settings)
    expect(head.body).toBeUndefined()
    expect(head.bodyOfGet).toBe(get.body)
    expect(head.headers['content-length']).toBe(String(utf8Length(get.body!)))
    expect(head.headers['content-language']).toBe('de')
  })
})
