/**
 * The localize step for the `errors` member of a validation problem: each item read from a JSON
 * Schema error (schema-error.ts) gets its `detail` from the schema messages of the negotiated
 * locale, else of the next locale of its fallback chain that has them (`de-AT` → `de` → the
 * default). Items from other validators (zod, express-validator, your own readers) carry their
 * own words and are left alone, as is everything else in the body.
 */
import { guarded, isArray, readProperty } from '../guarded.js'
import { clip } from '../clip.js'
import { attachedSchemaError } from '../schema-error.js'
import { MAX_ISSUE_TEXT_LENGTH } from '../validation-reader.js'
import type { Localization } from './localization.js'
import type { SchemaMessages } from './schema-messages.js'

/**
 * `extensions` with the schema messages of `errors` in `language`, as a new object (the
 * problem's own stays as it is); `undefined` when nothing changes, so the caller serializes the
 * problem's own.
 */
export function localizedExtensions(extensions: unknown, language: string, localization: Localization): Record<string, unknown> | undefined {
  // No schema messages in the chain (none at all outside the Fastify adapter): nothing to read.
  const messages = schemaMessagesIn(language, localization)
  // Equivalent mutant, not marked (a mark would hide this line's killed `true` mutant too):
  // `messages === undefined` made `false` answers alike, since calling the missing messages below
  // throws inside `guarded`, which answers `undefined` as this line does. The check only spares
  // reading `errors` when no locale of the chain has schema messages.
  if (messages === undefined) return undefined
  const errors = readProperty(extensions, 'errors')
  if (!isArray(errors)) return undefined
  // `errors` is whatever the problem carries: an array that throws when read (a Proxy) is left to
  // the serializer, which leaves it out as it would without localization.
  return guarded(() => {
    let changed = false
    const localized = errors.map((item: unknown) => {
      const error = attachedSchemaError(item)
      const text = error === undefined ? undefined : messages(error)
      if (text === undefined) return item
      changed = true
      return { ...(item as Record<string, unknown>), detail: clip(text, MAX_ISSUE_TEXT_LENGTH) }
    })
    return changed ? { ...(extensions as Record<string, unknown>), errors: localized } : undefined
  })
}

/** The schema messages of the first locale of `language`'s chain that has them. */
function schemaMessagesIn(language: string, localization: Localization): SchemaMessages | undefined {
  for (const table of localization.chains.get(language)!) {
    const messages = localization.schemaMessages.get(table.locale)
    if (messages !== undefined) return messages
  }
  return undefined
}
