/**
 * The localize step of `errors[]` (src/i18n/localize-errors.ts) on its own: which items get a
 * schema message, which are left alone, and when the problem's own members are answered as they are.
 * test/i18n/schema-messages.test.ts has the same on the wire, with ajv-i18n itself.
 */
import { describe, expect, it } from 'vitest'
import { resolveLocalization, type Localization } from '../../src/i18n/localization.js'
import { localizedExtensions } from '../../src/i18n/localize-errors.js'
import { schemaMessagesOf, type AjvLocalize } from '../../src/i18n/schema-messages.js'
import { clip } from '../../src/clip.js'
import { MAX_ISSUE_TEXT_LENGTH } from '../../src/validation-reader.js'
import { attachSchemaError, schemaErrorOf } from '../../src/schema-error.js'

/** A language that knows the keyword `type` only. */
const knowsType: AjvLocalize = (errors) => {
  for (const error of errors) if (error.keyword === 'type') error.message = `muss sein: ${String(error.params.type)}`
}

function withGerman(): Localization {
  const localization = resolveLocalization({ locales: ['en', 'de', 'de-AT'] })!
  localization.schemaMessages.set('de', schemaMessagesOf(knowsType))
  return localization
}

/** An `errors[]` item as normalize makes it from an Ajv error. */
function schemaItem(keyword: string, params: Record<string, unknown>, detail: string): Record<string, unknown> {
  const item = { pointer: '#/age', detail }
  attachSchemaError(item, schemaErrorOf(keyword, params))
  return item
}

describe('localizedExtensions', () => {
  it('says each schema item in the language, and leaves items of other validators beside them as they are', () => {
    const ownWords = { pointer: '#/name', detail: 'is too short (zod)' }
    const extensions = { errors: [ownWords, schemaItem('type', { type: 'integer' }, 'must be integer')], requestId: 'r-1' }
    expect(localizedExtensions(extensions, 'de', withGerman())).toEqual({
      errors: [ownWords, { pointer: '#/age', detail: 'muss sein: integer' }],
      requestId: 'r-1',
    })
    expect(extensions.errors[1]).toEqual({ pointer: '#/age', detail: 'must be integer' })
  })

  it("uses the messages of the locale's chain: de-AT says them in de", () => {
    const extensions = { errors: [schemaItem('type', { type: 'string' }, 'must be string')] }
    expect(localizedExtensions(extensions, 'de-AT', withGerman())).toEqual({ errors: [{ pointer: '#/age', detail: 'muss sein: string' }] })
  })

  it('answers undefined when nothing changes, so the problem\'s own members are serialized', () => {
    const localization = withGerman()
    expect(localizedExtensions({ errors: [{ pointer: '#/name', detail: 'is too short' }] }, 'de', localization)).toBeUndefined()
    expect(localizedExtensions({ errors: [schemaItem('minimum', { limit: 1 }, 'must be >= 1')] }, 'de', localization)).toBeUndefined()
    expect(localizedExtensions({ errors: [schemaItem('type', { type: 'integer' }, 'must be integer')] }, 'en', localization)).toBeUndefined()
    expect(localizedExtensions({ errors: 'not a list' }, 'de', localization)).toBeUndefined()
    expect(localizedExtensions(undefined, 'de', localization)).toBeUndefined()
  })

  it('reads only an array: an errors member that is no array is left as it is, even a collection of schema items with its own map', () => {
    const items = [schemaItem('type', { type: 'integer' }, 'must be integer')]
    const collection = { map: (each: (item: unknown) => unknown) => items.map(each), toJSON: () => items }
    expect(localizedExtensions({ errors: collection }, 'de', withGerman())).toBeUndefined()
  })

  it('cuts a long message to the length of any issue text', () => {
    const long: AjvLocalize = (errors) => {
      for (const error of errors) error.message = `${'x'.repeat(2000)} ${Object.keys(error.params).join(', ')}`
    }
    const localization = resolveLocalization({ locales: ['en', 'de'] })!
    localization.schemaMessages.set('de', schemaMessagesOf(long))
    const localized = localizedExtensions({ errors: [schemaItem('type', { type: 'integer' }, 'must be integer')] }, 'de', localization)
    expect(localized).toEqual({ errors: [{ pointer: '#/age', detail: clip(`${'x'.repeat(2000)} type`, MAX_ISSUE_TEXT_LENGTH) }] })
    expect(clip(`${'x'.repeat(2000)} type`, MAX_ISSUE_TEXT_LENGTH).length).toBeLessThan(2000)
  })
})
