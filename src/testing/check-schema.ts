/**
 * Checks a value against `problemSchema` by interpreting the schema itself, so the check can
 * never disagree with the published schema. Only the keywords that schema uses are understood;
 * any other keyword is reported as unsupported rather than silently passed, so extending the
 * schema with a new keyword fails the tests until this reads it too. (No validator dependency:
 * the testing helper must run wherever the tests run.)
 */

/** A JSON Schema in the subset `problemSchema` is written in. */
type Schema = Readonly<Record<string, unknown>>

/** Keywords that carry no constraint. */
const ANNOTATIONS = new Set(['title', 'description'])

/**
 * What is wrong with `value` under `schema`, as `path: message` lines; empty when it is valid.
 */
export function schemaErrors(schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = []
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATIONS.has(keyword)) continue
    const rule = schema[keyword]
    const error = checkKeyword(keyword, rule, value, path, errors)
    if (error !== undefined) errors.push(`${path}: ${error}`)
  }
  return errors
}

function checkKeyword(keyword: string, rule: unknown, value: unknown, path: string, errors: string[]): string | undefined {
  switch (keyword) {
    case 'type':
      return hasType(value, rule as string) ? undefined : `must be ${String(rule)}, is ${typeName(value)}`
    case 'required':
      return checkRequired(rule as readonly string[], value)
    case 'properties':
      checkProperties(rule as Readonly<Record<string, Schema>>, value, path, errors)
      return undefined
    case 'additionalProperties':
      return rule === true ? undefined : 'additionalProperties other than true is not supported'
    case 'minimum':
      return typeof value === 'number' && value < (rule as number) ? `must be >= ${String(rule)}` : undefined
    case 'maximum':
      return typeof value === 'number' && value > (rule as number) ? `must be <= ${String(rule)}` : undefined
    case 'minLength':
      return typeof value === 'string' && value.length < (rule as number) ? `must have at least ${String(rule)} characters` : undefined
    case 'maxLength':
      return typeof value === 'string' && value.length > (rule as number) ? `must have at most ${String(rule)} characters` : undefined
    default:
      return `schema keyword "${keyword}" is not supported by the checker`
  }
}

function checkRequired(required: readonly string[], value: unknown): string | undefined {
  if (!isObject(value)) return undefined // `type` reports it
  const missing = required.filter((name) => !Object.prototype.hasOwnProperty.call(value, name))
  return missing.length === 0 ? undefined : `missing required member(s) ${missing.join(', ')}`
}

function checkProperties(properties: Readonly<Record<string, Schema>>, value: unknown, path: string, errors: string[]): void {
  if (!isObject(value)) return
  for (const name of Object.keys(properties)) {
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      errors.push(...schemaErrors(properties[name]!, value[name], `${path}.${name}`))
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  // `typeName` tells null and arrays from objects, as JSON Schema's `object` does.
  return type === 'integer' ? Number.isInteger(value) : typeName(value) === type
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
