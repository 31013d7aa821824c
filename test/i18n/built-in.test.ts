/** The built-in messages: every status of the table has a title in every shipped language. */
import { describe, expect, it } from 'vitest'
import { BUILT_IN_MESSAGES } from '../../src/i18n/built-in/index.js'
import { SERVER_ERROR_DETAIL, STATUSES } from '../../src/index.js'
import { VALIDATION_PARTS, validationDetail } from '../../src/validation.js'

const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja']

describe('built-in messages', () => {
  it('ship en, de, fr, es and ja', () => {
    expect([...BUILT_IN_MESSAGES.keys()].sort()).toEqual([...LANGUAGES].sort())
  })

  describe.each(LANGUAGES)('%s', (language) => {
    const messages = BUILT_IN_MESSAGES.get(language)!

    it.each(STATUSES.map((entry) => [entry.status, entry] as const))('has a title for %i', (status) => {
      const title = messages.titles[status]
      expect(typeof title).toBe('string')
      expect(title.trim()).not.toBe('')
      expect(title).toBe(title.trim())
      // A title is plain text: no ICU syntax that would need formatting.
      expect(title).not.toMatch(/[{}]/)
    })

    it('has no title for a status outside the table', () => {
      expect(Object.keys(messages.titles).map(Number).sort()).toEqual(STATUSES.map((entry) => entry.status).sort())
    })

    it('has a generic 5xx detail that asks for the correlationId', () => {
      expect(messages.serverErrorDetail).toContain('correlationId')
    })

    it('has a validation detail for every request part, as plain text', () => {
      expect(Object.keys(messages.validationDetails).sort()).toEqual([...VALIDATION_PARTS].sort())
      for (const text of Object.values(messages.validationDetails)) {
        expect(text.trim()).not.toBe('')
        expect(text).not.toMatch(/[{}<>]/)
      }
    })

    if (language !== 'en') {
      it('is translated, not a copy of the English text', () => {
        const english = BUILT_IN_MESSAGES.get('en')!
        const same = STATUSES.filter((entry) => messages.titles[entry.status] === english.titles[entry.status])
        // A few phrases are the same word in both languages (URI, Gateway); most are not.
        expect(same.length).toBeLessThan(3)
        expect(messages.serverErrorDetail).not.toBe(english.serverErrorDetail)
        for (const part of VALIDATION_PARTS) expect(messages.validationDetails[part]).not.toBe(english.validationDetails[part])
      })
    }
  })

  it('English is the status table and SERVER_ERROR_DETAIL, so the two cannot drift', () => {
    const english = BUILT_IN_MESSAGES.get('en')!
    for (const entry of STATUSES) expect(english.titles[entry.status]).toBe(entry.title)
    expect(english.serverErrorDetail).toBe(SERVER_ERROR_DETAIL)
    for (const part of VALIDATION_PARTS) expect(english.validationDetails[part]).toBe(validationDetail(part))
  })
})
