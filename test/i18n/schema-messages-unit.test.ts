/**
 * The parts behind localized schema messages, one behaviour each: how an ajv-i18n module is found
 * and read, what counts as a message, and how the stored schema error is kept and read back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadSchemaMessages, schemaMessagesOf, type AjvLocalize } from '../../src/i18n/schema-messages.js'
import { attachSchemaError, attachedSchemaError, schemaErrorOf } from '../../src/schema-error.js'

afterEach(() => {
  vi.restoreAllMocks()
})

const TYPE_ERROR = schemaErrorOf('type', { type: 'integer' })!

/** A localize function that knows the keyword `type` only. */
const knowsType: AjvLocalize = (errors) => {
  for (const error of errors) error.message = error.keyword === 'type' ? 'muss sein: integer' : `unbekannt: ${error.keyword}`
}

describe('loadSchemaMessages: finding and reading ajv-i18n modules', () => {
  it('tries each shorter tag and stops at the primary language, never an empty one', async () => {
    const imported: string[] = []
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const loaded = await loadSchemaMessages(['eo-XX'], async (specifier) => {
      imported.push(specifier)
      return specifier.includes('/en/') ? knowsType : undefined
    })
    expect(imported).toEqual(['ajv-i18n/localize/eo-XX/index.js', 'ajv-i18n/localize/eo/index.js', 'ajv-i18n/localize/en/index.js'])
    expect(loaded.size).toBe(0)
    expect(warn).not.toHaveBeenCalled()
  })

  it('reads a module that is the function itself (require) as well as its default export (import)', async () => {
    const loaded = await loadSchemaMessages(['de', 'fr'], async (specifier) => (specifier.includes('/de/') ? knowsType : { default: knowsType }))
    expect(loaded.get('de')!(TYPE_ERROR)).toBe('muss sein: integer')
    expect(loaded.get('fr')!(TYPE_ERROR)).toBe('muss sein: integer')
  })

  it('a module whose default is no function is not ajv-i18n: nothing is loaded, and the warning names the package and its code', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const loaded = await loadSchemaMessages(['de'], async () => ({ default: 'not a function' }))
    expect(loaded.size).toBe(0)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('npm install ajv-i18n'), { code: 'HTTP_PROBLEMS_AJV_I18N_MISSING' })
  })
})

describe('schemaMessagesOf: what counts as a message', () => {
  it('a language that cannot say the unknown-keyword sentence still says the keywords it knows', () => {
    const throwsOnUnknown: AjvLocalize = (errors) => {
      for (const error of errors) {
        if (error.keyword !== 'type') throw new TypeError('no message')
        error.message = 'muss sein: integer'
      }
    }
    expect(schemaMessagesOf(throwsOnUnknown)(TYPE_ERROR)).toBe('muss sein: integer')
  })

  // Each one says the unknown-keyword sentence, so `type` is a keyword it knows.
  it.each([
    ['sets a message, then throws', ((errors) => {
      errors[0]!.message = errors[0]!.keyword === 'type' ? 'half done' : 'unknown keyword'
      if (errors[0]!.keyword === 'type') throw new TypeError('params')
    }) as AjvLocalize],
    ['sets an empty message', ((errors) => {
      errors[0]!.message = errors[0]!.keyword === 'type' ? '' : 'unknown keyword'
    }) as AjvLocalize],
    ['sets a message that is no string', ((errors) => {
      ;(errors[0] as { message?: unknown }).message = errors[0]!.keyword === 'type' ? 5 : 'unknown keyword'
    }) as AjvLocalize],
  ])('a localize function that %s for a keyword it knows gives no message', (_name, localize) => {
    expect(schemaMessagesOf(localize)(TYPE_ERROR)).toBeUndefined()
  })

  it('each call gets a fresh copy: the stored error is never changed', () => {
    const messages = schemaMessagesOf((errors) => {
      for (const error of errors) {
        error.message = 'x'
        error.params.type = 'changed'
      }
    })
    messages(TYPE_ERROR)
    expect(TYPE_ERROR).toEqual({ keyword: 'type', params: { type: 'integer' } })
  })
})

describe('the stored schema error', () => {
  it('params that are not an object are none', () => {
    expect(schemaErrorOf('type', 'ab')).toEqual({ keyword: 'type', params: {} })
  })

  it('nothing is stored for no error', () => {
    const target = {}
    attachSchemaError(target, undefined)
    expect(Object.getOwnPropertySymbols(target)).toEqual([])
  })

  it('a value under the key that is no object is no schema error', () => {
    // The key is in the global symbol registry, so any code can set it: null is no object either.
    for (const forged of ['forged', null, 0]) expect(attachedSchemaError({ [Symbol.for('http-problems.schemaError')]: forged })).toBeUndefined()
    const real = { [Symbol.for('http-problems.schemaError')]: TYPE_ERROR }
    expect(attachedSchemaError(real)).toBe(TYPE_ERROR)
  })
})
