/**
 * The validation error shapes read out of the box, one reader each, tried in this order:
 *
 * - express-validator: `{ type: 'field', path: 'items[0].name', location: 'body', msg }`, and its
 *   `alternative`, `alternative_grouped` and `unknown_fields` entries;
 * - fastify-type-provider-zod: Ajv-like entries marked with its symbol, whose `instancePath` is the
 *   zod path joined with `/`, unescaped;
 * - zod's own error (`{ issues: [{ path: [...], message }] }`), as a hand-written Fastify
 *   validatorCompiler returns it;
 * - Ajv (Fastify's default) and TypeBox's compiler (@fastify/type-provider-typebox): `instancePath`
 *   is an escaped JSON Pointer; a missing or extra member is named in `params` (Ajv: one name,
 *   TypeBox: a list), and the pointer names it. Anything else object-like is read this way too.
 *
 * Every read is of data only: no function found on an entry is ever called.
 */
import { guarded, isArray, readProperty as read } from './guarded.js'
import { pointerSegments, type PathSegment } from './json-pointer.js'
import { attachSchemaError, schemaErrorOf } from './schema-error.js'
import { MAX_VALIDATION_ISSUES, type ValidationFinding, type ValidationReader } from './validation-reader.js'

/**
 * A built-in reader's finding: `detail` is the entry's message as found, of whatever type. Every
 * finding, those of the user's readers too, becomes an issue through `issueOf` (validation.ts),
 * which keeps a string detail and says `is invalid` for anything else: the readers leave it to it.
 */
export type ReadFinding = Omit<ValidationFinding, 'detail'> & { readonly detail: unknown }

/** A built-in reader: a `ValidationReader` whose findings are `ReadFinding`s. */
export interface BuiltInReader extends Omit<ValidationReader, 'read'> {
  readonly read: (entry: never) => ReadFinding | readonly ReadFinding[]
}

/** The same sentences whichever validator found a missing or an extra member. */
const MISSING_MEMBER = (name: string) => `must have required property '${name}'`
const EXTRA_MEMBER = 'must NOT have additional properties'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** express-validator's `location` names, in the request-part names `errors[].in` uses (Fastify's). */
const EXPRESS_VALIDATOR_PARTS: Readonly<Record<string, string>> = {
  body: 'body',
  query: 'querystring',
  params: 'params',
  headers: 'headers',
  cookies: 'cookies',
}

const EXPRESS_VALIDATOR_TYPES = new Set(['field', 'alternative', 'alternative_grouped', 'unknown_fields'])

const expressValidator: BuiltInReader = {
  name: 'express-validator',
  matches: (entry) => isObject(entry) && EXPRESS_VALIDATOR_TYPES.has(read(entry, 'type') as string) && 'msg' in entry,
  read: (entry: Record<string, unknown>) => {
    const type = read(entry, 'type')
    const msg = read(entry, 'msg')
    if (type === 'field') return expressValidatorField(entry, msg)
    if (type === 'unknown_fields') return listOf(read(entry, 'fields')).map((field) => expressValidatorField(field, msg))
    // alternative (oneOf): the failures of each alternative chain, flat or grouped.
    return listOf(read(entry, 'nestedErrors'))
      .flatMap((nested) => (isArray(nested) ? nested : [nested]))
      .map((nested) => expressValidatorField(nested, read(nested, 'msg')))
  },
}

function expressValidatorField(field: unknown, msg: unknown): ReadFinding {
  const location = read(field, 'location')
  const path = read(field, 'path')
  return {
    path: typeof path === 'string' ? expressValidatorPath(path) : [],
    detail: msg,
    ...(typeof location === 'string' ? { in: Object.hasOwn(EXPRESS_VALIDATOR_PARTS, location) ? EXPRESS_VALIDATOR_PARTS[location] : location } : {}),
  }
}

/**
 * express-validator's field paths (`tags[0].name`, `["a.b"].c`, `tags[0]["x.y"]`) as segments:
 * dots separate members, `[n]` is an index, `["..."]` a member whose name has a dot.
 */
function expressValidatorPath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  const token = /\["((?:[^"]|"(?!\]))*)"\]|\[(\d+)\]|\.?([^.[]+)/gy
  // How far the tokens have read: a failed sticky match puts `lastIndex` back to 0.
  let read = 0
  let match: RegExpExecArray | null
  while ((match = token.exec(path)) !== null) {
    segments.push(match[1] ?? match[2] ?? match[3]!)
    read = token.lastIndex
  }
  // Whatever the grammar could not read stays one member, rather than being lost.
  if (read < path.length) segments.push(path.slice(read))
  return segments
}

const ZOD_PROVIDER_MARK = Symbol.for('ZodFastifySchemaValidationError')

const zodTypeProvider: BuiltInReader = {
  name: 'fastify-type-provider-zod',
  matches: (entry) => isObject(entry) && guarded(() => (entry as Record<symbol, unknown>)[ZOD_PROVIDER_MARK]) === true,
  read: (entry: Record<string, unknown>) => {
    const instancePath = read(entry, 'instancePath')
    // `/${path.join('/')}`: the zod path, unescaped; `/` alone is the whole part. A member name
    // that itself contains `/` cannot be told apart from nesting once joined.
    const path = typeof instancePath === 'string' && instancePath !== '/' ? instancePath.slice(1).split('/') : []
    return zodFindings(path, read(entry, 'keyword'), read(entry, 'params'), read(entry, 'message'))
  },
}

const zodError: BuiltInReader = {
  name: 'zod',
  matches: (entry) => isObject(entry) && isArray(read(entry, 'issues')),
  read: (entry: Record<string, unknown>) =>
    listOf(read(entry, 'issues')).flatMap((issue) => {
      const path = read(issue, 'path')
      return zodFindings(isArray(path) ? path.filter(isSegment) : [], read(issue, 'code'), issue, read(issue, 'message'))
    }),
}

/** A zod issue; `unrecognized_keys` names the extra members, and the pointer names each. */
function zodFindings(path: readonly PathSegment[], code: unknown, params: unknown, message: unknown): ReadFinding[] {
  const keys = code === 'unrecognized_keys' ? listOf(read(params, 'keys')).filter(isSegment) : []
  if (keys.length > 0) return keys.map((key) => ({ path: [...path, key], detail: EXTRA_MEMBER }))
  return [{ path, detail: message }]
}

const ajv: BuiltInReader = {
  name: 'ajv',
  matches: isObject,
  read: (entry: Record<string, unknown>): ReadFinding | ReadFinding[] => {
    const instancePath = read(entry, 'instancePath')
    const path = typeof instancePath === 'string' ? pointerSegments(instancePath) : []
    const keyword = read(entry, 'keyword')
    const params = read(entry, 'params')
    const message = read(entry, 'message')
    // Ajv reports "required" and "additionalProperties" at the parent object; the member the
    // client must fix is the one named in `params`, so the pointer names it.
    const missing = read(params, 'missingProperty')
    const extra = read(params, 'additionalProperty')
    const named = typeof missing === 'string' ? missing : typeof extra === 'string' ? extra : undefined
    if (named !== undefined) return schemaFinding([...path, named], keyword, params, message)
    // TypeBox names every missing (or extra) member of the object in one entry; each finding
    // gets the error Ajv would have given for that member alone, so it is localized alike.
    const missingList = listOf(read(params, 'requiredProperties')).filter(isString)
    if (missingList.length > 0) {
      return missingList.map((name) => schemaFinding([...path, name], 'required', { missingProperty: name }, MISSING_MEMBER(name)))
    }
    const extraList = listOf(read(params, 'additionalProperties')).filter(isString)
    if (extraList.length > 0) {
      // Stryker disable next-line ObjectLiteral: ajv-i18n 4.x reads no param of additionalProperties; the params are Ajv's own, for a localizer that would
      return extraList.map((name) => schemaFinding([...path, name], 'additionalProperties', { additionalProperty: name }, EXTRA_MEMBER))
    }
    return schemaFinding(path, keyword, params, message)
  },
}

/** A finding of a JSON Schema error, carrying a copy of that error for the localized detail (schema-error.ts). */
function schemaFinding(path: readonly PathSegment[], keyword: unknown, params: unknown, message: unknown): ReadFinding {
  const finding: ReadFinding = { path, detail: message }
  attachSchemaError(finding, schemaErrorOf(keyword, params))
  return finding
}

/**
 * The built-in readers, most specific first; the last (`ajv`) accepts any object, so every
 * object entry is read somehow.
 */
export const BUILT_IN_READERS: readonly BuiltInReader[] = Object.freeze([expressValidator, zodTypeProvider, zodError, ajv])

/**
 * The first entries of a foreign array, as a plain array; anything else, or a hostile array, as
 * `[]`. No more are read than a body can carry, however long the array.
 */
function listOf(value: unknown): unknown[] {
  if (!isArray(value)) return []
  return guarded(() => Array.prototype.slice.call(value, 0, MAX_VALIDATION_ISSUES)) ?? []
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function isSegment(value: unknown): value is PathSegment {
  // Number.isInteger is false for anything that is no number.
  return typeof value === 'string' || Number.isInteger(value)
}
