/**
 * `defineProblem`: custom problem types with their own `type` URI, title, status and code, whose
 * extension members are typed (an `OutOfCredit` 403 that must carry `{ balance: number }`), and
 * their documentation (description, resolution, the JSON Schema of the members, an example),
 * declared once for the docs pages, the OpenAPI responses and the typed client.
 */
import { checkExtensionSchema, schemaIssues } from './catalog/check-schema.js'
import type { ExtensionSchema, MembersOf } from './catalog/extension-schema.js'
import { deepFreeze } from './schema.js'
import { HttpProblem, SAME_KIND, checkTypeUri, type Extensions, type ProblemOptions } from './problem.js'
import { codeFromTitle } from './statuses.js'
import { invalidOption } from './usage-error.js'

/** An example occurrence of a problem type: the constructor options its docs show a body for. */
export type ProblemExample<X extends Extensions = Extensions> = { detail?: string } & (object extends X
  ? { extensions?: X }
  : { extensions: X })

/** What a custom problem type is made of. */
export interface ProblemDefinition<S extends number = number, X extends Extensions = Extensions> {
  /** Class name, shown in logs and stack traces, e.g. `'OutOfCredit'`. */
  name: string
  /** HTTP status, 400..599. */
  status: S
  /** Problem type URI that identifies this kind of problem, e.g. `'https://example.com/problems/out-of-credit'`. */
  type: string
  /** Short summary, the same for every occurrence. */
  title: string
  /** Stable machine code; defaults to the title in CONSTANT_CASE. */
  code?: string
  /** What happened, for the docs page: the same for every occurrence. */
  description?: string
  /** What the client can do about it, for the docs page. */
  resolution?: string
  /**
   * JSON Schema of the extension members (`{ type: 'object', properties, required }`). When given,
   * the members' TypeScript type is computed from it, so the two cannot drift.
   */
  schema?: ExtensionSchema
  /** An example occurrence; required when `schema` has required members. It must match `schema`. */
  example?: ProblemExample<X>
}

/** Options of a defined problem: the common ones, with `extensions` required when `X` has required members. */
export type DefinedProblemOptions<X extends Extensions> = Omit<ProblemOptions<X>, 'type' | 'title' | 'extensions'> &
  (object extends X ? { extensions?: X } : { extensions: X })

/** Constructor arguments of a defined problem: optional unless its extensions are required. */
export type DefinedProblemArgs<X extends Extensions> = object extends X
  ? [options?: string | DefinedProblemOptions<X>]
  : [options: DefinedProblemOptions<X>]

/**
 * An instance of a `defineProblem` class. A type of its own (not just `HttpProblem<S, X>`), so
 * `instanceof OutOfCredit` narrows an `HttpProblem` to it: TypeScript keeps the wider type when
 * the narrower one only differs in type arguments.
 */
export interface DefinedProblem<S extends number = number, X extends Extensions = Extensions> extends HttpProblem<S, X> {
  readonly status: S
}

/** The class `defineProblem` returns. */
export interface DefinedProblemClass<S extends number, X extends Extensions> {
  new (...args: DefinedProblemArgs<X>): DefinedProblem<S, X>
  readonly prototype: DefinedProblem<S, X>
  readonly status: S
  readonly type: string
  readonly title: string
  readonly code: string
  /** What happened, when the definition says. */
  readonly description: string | undefined
  /** What the client can do, when the definition says. */
  readonly resolution: string | undefined
  /** JSON Schema of the extension members (an empty object schema when the definition has none). */
  readonly schema: ExtensionSchema
  /** The example occurrence, when the definition has one. */
  readonly example: ProblemExample<X> | undefined
  /**
   * True for instances, and for problems of this type from elsewhere (another copy of the
   * package, a parsed answer) whose members match the schema; narrows to the typed instance.
   */
  [Symbol.hasInstance](value: unknown): value is DefinedProblem<S, X>
}

const NO_MEMBERS: ExtensionSchema = Object.freeze({ type: 'object', properties: Object.freeze({}) })

const CLASS_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Defines a problem type of your own. Instances are `HttpProblem`s (and `instanceof` the class for
 * their status), so the plugin renders them like any other problem.
 *
 * @example
 * const OutOfCredit = defineProblem<{ balance: number }, 403>({
 *   name: 'OutOfCredit',
 *   status: 403,
 *   type: 'https://example.com/problems/out-of-credit',
 *   title: 'You do not have enough credit',
 * })
 * throw new OutOfCredit({ detail: 'Your balance is 30, but that costs 50.', extensions: { balance: 30 } })
 *
 * // With a schema, the members' type comes from it (and the docs and OpenAPI show it):
 * const Overdrawn = defineProblem({
 *   name: 'Overdrawn',
 *   status: 403,
 *   type: 'https://example.com/problems/overdrawn',
 *   title: 'Your account is overdrawn',
 *   description: 'The account balance is below zero, so paid actions are refused.',
 *   resolution: 'Top up the account until the balance is positive, then retry.',
 *   schema: { type: 'object', properties: { balance: { type: 'number' } }, required: ['balance'] },
 *   example: { detail: 'Your balance is -5.', extensions: { balance: -5 } },
 * })
 * new Overdrawn({ extensions: { balance: -5 } }).extensions.balance // number
 */
// The schema's members when they can be a problem's extension members, else `never` (TypeScript's
// own Extract, not a helper alias of ours: the public signature names nothing users cannot import).
export function defineProblem<const S extends number, const Schema extends ExtensionSchema>(
  definition: ProblemDefinition<S, Extract<MembersOf<Schema>, Extensions>> & { schema: Schema },
): DefinedProblemClass<S, Extract<MembersOf<Schema>, Extensions>>
export function defineProblem<X extends Extensions = Record<never, never>, S extends number = number>(
  // A schema brings its own members type (the overload above): never a second, hand-written one.
  definition: ProblemDefinition<S, X> & { schema?: undefined },
): DefinedProblemClass<S, X>
export function defineProblem<X extends Extensions, S extends number>(
  definition: ProblemDefinition<S, X>,
): DefinedProblemClass<S, X> {
  if (typeof definition !== 'object' || definition === null) {
    invalidOption('definition', 'an object', definition)
  }
  const { name, status, type, title } = definition
  if (typeof name !== 'string' || !CLASS_NAME.test(name)) invalidOption('name', 'a class name', name)
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    invalidOption('status', 'an integer from 400 to 599', status)
  }
  if (typeof type !== 'string' || type === '' || type === 'about:blank') {
    invalidOption('type', 'a problem type URI other than about:blank', type)
  }
  checkTypeUri(type, 'type')
  if (typeof title !== 'string' || title === '') invalidOption('title', 'a non-empty string', title)
  if (definition.code !== undefined && typeof definition.code !== 'string') {
    invalidOption('code', 'a string', definition.code)
  }
  const code = definition.code ?? codeFromTitle(title)
  const documentation = checkedDocumentation(definition)

  const generated = {
    [name]: class extends HttpProblem<S, X> {
      constructor(options?: string | DefinedProblemOptions<X>) {
        const given: ProblemOptions<X> = typeof options === 'string' ? { detail: options } : (options ?? {})
        // A fresh object: the caller's options are never modified.
        super(status, { ...given, type, title, code: given.code ?? code })
      }
    },
  }[name]!
  Object.defineProperty(generated.prototype, 'name', { value: name, writable: true, configurable: true })
  Object.defineProperty(generated, 'status', { value: status })
  Object.defineProperty(generated, 'type', { value: type })
  Object.defineProperty(generated, 'title', { value: title })
  Object.defineProperty(generated, 'code', { value: code })
  for (const [key, value] of Object.entries(documentation)) Object.defineProperty(generated, key, { value })
  // A problem of this type from elsewhere (another copy of the package, a parsed answer) is an
  // instance only when its members keep the schema's promise, so `instanceof` narrows honestly.
  const schema = documentation.schema as ExtensionSchema
  Object.defineProperty(generated, SAME_KIND, {
    value: (problem: HttpProblem) =>
      problem.status === status && problem.type === type && schemaIssues(schema, problem.extensions).length === 0,
  })
  return generated as unknown as DefinedProblemClass<S, X>
}

/** The definition's documentation, checked and frozen (copies: the caller's objects stay theirs). */
function checkedDocumentation(
  definition: Pick<ProblemDefinition, 'description' | 'resolution' | 'schema'> & { example?: unknown },
): Record<string, unknown> {
  const { description, resolution, schema, example } = definition
  for (const [option, value] of [['description', description], ['resolution', resolution]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) invalidOption(option, 'a non-empty string', value)
  }
  if (schema !== undefined) checkExtensionSchema(schema, 'schema')
  const checkedSchema = schema === undefined ? NO_MEMBERS : deepFrozenCopy(schema)
  if (example === undefined) {
    if ((checkedSchema.required ?? []).length > 0) invalidOption('example', 'an example (the schema has required members)', example)
  } else {
    checkExample(example, checkedSchema)
  }
  // deepFrozenCopy(undefined) is undefined: structuredClone keeps it, deepFreeze leaves non-objects.
  return { description, resolution, schema: checkedSchema, example: deepFrozenCopy(example) }
}

function checkExample(example: unknown, schema: ExtensionSchema): void {
  if (typeof example !== 'object' || example === null || Array.isArray(example)) {
    invalidOption('example', 'an object { detail?, extensions? }', example)
  }
  const { detail, extensions, ...rest } = example as Record<string, unknown>
  const unknown = Object.keys(rest)[0]
  if (unknown !== undefined) invalidOption(`example.${unknown}`, 'absent (an example has detail and extensions)', rest[unknown])
  if (detail !== undefined && typeof detail !== 'string') invalidOption('example.detail', 'a string', detail)
  const issues = schemaIssues(schema, extensions ?? {})
  if (issues.length > 0) invalidOption('example.extensions', `members that match the schema (${issues.join('; ')})`, extensions)
}

function deepFrozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value))
}
