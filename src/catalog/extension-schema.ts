/**
 * The JSON Schema of a problem type's extension members, and the TypeScript type it describes.
 * The type is computed from the schema (`MembersOf<typeof schema>`), so a `defineProblem` class's
 * `extensions` cannot drift from the schema its docs page and OpenAPI responses show. Only the
 * keywords both sides understand are accepted (`checkExtensionSchema` refuses the others), in the
 * subset JSON Schema draft-07, 2020-12 and OpenAPI 3.0/3.1 share.
 */

/** The JSON types a schema's `type` can name. */
export type JsonTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object'

/** A JSON Schema in the subset the catalog understands (type, properties, items, enum, const...). */
export interface JsonSchema {
  readonly type?: JsonTypeName | readonly JsonTypeName[]
  readonly properties?: { readonly [member: string]: JsonSchema }
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean
  readonly items?: JsonSchema
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly minimum?: number
  readonly maximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minItems?: number
  readonly maxItems?: number
  /** Annotations: shown in the docs, not checked. */
  readonly title?: string
  readonly description?: string
  readonly format?: string
  readonly pattern?: string
}

/** The schema of a problem type's extension members: an object schema. */
export interface ExtensionSchema extends JsonSchema {
  readonly type: 'object'
  readonly properties: { readonly [member: string]: JsonSchema }
}

type Simplify<T> = { [K in keyof T]: T[K] } & {}

type TypeOfName<N, S> = N extends 'string'
  ? string
  : N extends 'number' | 'integer'
    ? number
    : N extends 'boolean'
      ? boolean
      : N extends 'null'
        ? null
        : N extends 'array'
          ? S extends { items: infer I } ? ValueOf<I>[] : unknown[]
          : N extends 'object'
            ? ObjectOf<S>
            : unknown

type RequiredNames<S> = S extends { required: readonly (infer R)[] } ? R : never

type ObjectOf<S> = S extends { properties: infer P }
  ? Simplify<
      { -readonly [K in keyof P as K extends RequiredNames<S> ? K : never]: ValueOf<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredNames<S> ? never : K]?: ValueOf<P[K]>
      }
    >
  : Record<string, unknown>

/**
 * The TypeScript type of the values a schema accepts: `{ type: 'number' }` → `number`, an object
 * schema → an object type whose `required` members are required. Unknown shapes give `unknown`.
 */
export type ValueOf<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { type: readonly (infer N)[] }
      ? TypeOfName<N, S>
      : S extends { type: infer N }
        ? TypeOfName<N, S>
        : unknown

/**
 * The extension members an `ExtensionSchema` describes, as a TypeScript type.
 *
 * @example
 * const schema = { type: 'object', properties: { balance: { type: 'number' } }, required: ['balance'] } as const
 * type Members = MembersOf<typeof schema> // { balance: number }
 */
export type MembersOf<S> = S extends ExtensionSchema ? ObjectOf<S> : Record<never, never>
