/**
 * The JSON Schema error behind one `errors[]` item: Ajv's `keyword` and `params`, all ajv-i18n
 * reads of an error, so the renderer can say the item's `detail` in the client's language
 * (src/i18n/schema-messages.ts). The normalize step stores a frozen copy on the item under a
 * non-enumerable symbol: it never reaches the body (`JSON.stringify` and spreads skip it), the
 * error the route threw is never touched, and normalize stays free of any framework or locale.
 */
import { readProperty } from './guarded.js'

/** What a schema message is made from: the members of an Ajv `ErrorObject` ajv-i18n reads. */
export interface SchemaError {
  readonly keyword: string
  readonly params: Readonly<Record<string, unknown>>
}

/** `Symbol.for`, so the ESM and CJS builds of the package agree on the key. */
const SCHEMA_ERROR = Symbol.for('http-problems.schemaError')

/** A frozen copy of an Ajv-shaped error's `keyword` and `params`; `undefined` when it has no keyword. */
export function schemaErrorOf(keyword: unknown, params: unknown): SchemaError | undefined {
  if (typeof keyword !== 'string' || keyword === '') return undefined
  const copied = typeof params === 'object' ? { ...params } : {} // null spreads to {} too
  return Object.freeze({ keyword, params: Object.freeze(copied) })
}

/** Puts `error` on `target` out of sight of serialization and copying. */
export function attachSchemaError(target: object, error: SchemaError | undefined): void {
  if (error !== undefined) Object.defineProperty(target, SCHEMA_ERROR, { value: error })
}

/** The schema error stored on `item` by `attachSchemaError`, if any. Never throws (`readProperty`). */
export function attachedSchemaError(item: unknown): SchemaError | undefined {
  const error = readProperty(item, SCHEMA_ERROR)
  return typeof error === 'object' && error !== null ? (error as SchemaError) : undefined
}
