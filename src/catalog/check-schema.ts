/**
 * Runtime side of the extension schemas: `checkExtensionSchema` refuses, when a problem type is
 * defined, any keyword the TypeScript mapper (`ValueOf`) would not see, so the type and the
 * schema mean the same; `schemaIssues` checks a value against such a schema (an `example` at
 * definition, a body's members in the typed client). No validator dependency: the subset is small.
 */
import { RESERVED_MEMBERS } from '../problem.js'
import { invalidOption } from '../usage-error.js'
import type { JsonSchema, JsonTypeName } from './extension-schema.js'

const TYPE_NAMES = new Set<string>(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'])
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const
const ANNOTATIONS = ['title', 'description', 'format', 'pattern'] as const
const KEYWORDS = new Set<string>([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  ...NUMBER_KEYWORDS,
  ...ANNOTATIONS,
])

/**
 * Throws `ERR_HTTP_PROBLEMS_INVALID_OPTION` (naming `option` and the keyword's JSON pointer)
 * unless `schema` is an object schema in the supported subset whose members are not reserved.
 */
export function checkExtensionSchema(schema: unknown, option: string): void {
  if (!isRecord(schema) || schema.type !== 'object' || !isRecord(schema.properties)) {
    invalidOption(option, "an object schema ({ type: 'object', properties: {...} })", schema)
  }
  for (const member of Object.keys(schema.properties)) {
    if ((RESERVED_MEMBERS as readonly string[]).includes(member)) {
      invalidOption(`${option}.properties.${member}`, 'absent: it is a reserved problem member', member)
    }
  }
  checkSubschema(schema, option)
}

function checkSubschema(schema: unknown, at: string): void {
  if (!isRecord(schema)) invalidOption(at, 'a JSON Schema object', schema)
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword)) {
      invalidOption(`${at}.${keyword}`, `one of the supported keywords (${[...KEYWORDS].join(', ')})`, schema[keyword])
    }
  }
  if (schema.type !== undefined) {
    const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (types.length === 0 || !types.every((name) => TYPE_NAMES.has(name as string))) {
      invalidOption(`${at}.type`, `a JSON type name or a list of them (${[...TYPE_NAMES].join(', ')})`, schema.type)
    }
  }
  if (schema.properties !== undefined) {
    if (!isRecord(schema.properties)) invalidOption(`${at}.properties`, 'an object of schemas', schema.properties)
    for (const [name, property] of Object.entries(schema.properties)) checkSubschema(property, `${at}.properties.${name}`)
  }
  if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.every((name) => typeof name === 'string'))) {
    invalidOption(`${at}.required`, 'a list of member names', schema.required)
  }
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
    invalidOption(`${at}.additionalProperties`, 'a boolean', schema.additionalProperties)
  }
  if (schema.items !== undefined) checkSubschema(schema.items, `${at}.items`)
  if (schema.enum !== undefined && !Array.isArray(schema.enum)) invalidOption(`${at}.enum`, 'a list of values', schema.enum)
  for (const keyword of NUMBER_KEYWORDS) {
    const value = schema[keyword]
    if (value !== undefined && !Number.isFinite(value)) invalidOption(`${at}.${keyword}`, 'a number', value)
  }
  for (const keyword of ANNOTATIONS) {
    if (schema[keyword] !== undefined && typeof schema[keyword] !== 'string') invalidOption(`${at}.${keyword}`, 'a string', schema[keyword])
  }
}

/**
 * What is wrong with `value` against `schema` (a checked subset schema), as `pointer: message`
 * lines; empty when it conforms. Annotations (`format`, `pattern`...) are not checked.
 *
 * @example
 * schemaIssues({ type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }, {}) // ['/n: is required']
 */
export function schemaIssues(schema: JsonSchema, value: unknown, pointer = ''): string[] {
  const at = pointer === '' ? '/' : pointer
  if ('const' in schema && !sameJson(schema.const, value)) return [`${at}: must be ${JSON.stringify(schema.const)}`]
  if (schema.enum !== undefined && !schema.enum.some((option) => sameJson(option, value))) {
    return [`${at}: must be one of ${JSON.stringify(schema.enum)}`]
  }
  if (schema.type !== undefined) {
    const types: readonly JsonTypeName[] = typeof schema.type === 'string' ? [schema.type] : schema.type
    if (!types.some((name) => hasType(value, name))) return [`${at}: must be ${types.join(' or ')}`]
  }
  return [...boundIssues(schema, value, at), ...memberIssues(schema, value, pointer)]
}

function boundIssues(schema: JsonSchema, value: unknown, at: string): string[] {
  const issues: string[] = []
  // A bound the schema leaves out is one no value crosses.
  if (typeof value === 'number') {
    if (value < (schema.minimum ?? -Infinity)) issues.push(`${at}: must be >= ${schema.minimum}`)
    if (value > (schema.maximum ?? Infinity)) issues.push(`${at}: must be <= ${schema.maximum}`)
  }
  // NaN for a value without a length: it is neither below nor above any bound.
  const length = typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : NaN
  const [min, max] = typeof value === 'string' ? [schema.minLength, schema.maxLength] : [schema.minItems, schema.maxItems]
  if (length < (min ?? 0)) issues.push(`${at}: must have at least ${min} items or characters`)
  if (length > (max ?? Infinity)) issues.push(`${at}: must have at most ${max} items or characters`)
  return issues
}

function memberIssues(schema: JsonSchema, value: unknown, pointer: string): string[] {
  const issues: string[] = []
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => issues.push(...schemaIssues(schema.items!, item, `${pointer}/${index}`)))
  }
  if (isRecord(value) && !Array.isArray(value)) {
    for (const name of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(value, name)) issues.push(`${pointer}/${escapePointer(name)}: is required`)
    }
    const properties = schema.properties ?? {}
    for (const name of Object.keys(value)) {
      const property = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined
      if (property !== undefined) issues.push(...schemaIssues(property, value[name], `${pointer}/${escapePointer(name)}`))
      else if (schema.additionalProperties === false) issues.push(`${pointer}/${escapePointer(name)}: is not allowed`)
    }
  }
  return issues
}

function hasType(value: unknown, name: JsonTypeName): boolean {
  switch (name) {
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isRecord(value) && !Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return Number.isFinite(value)
    default:
      return typeof value === name
  }
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right)
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
