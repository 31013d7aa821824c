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

/**
 * The TypeScript type of the values a schema accepts: `{ type: 'number' }` → `number`, an object
 * schema → an object type whose `required` members are required. Unknown shapes give `unknown`.
 *
 * @example
 * type Balance = ValueOf<{ type: 'number' }> // number
 * type Tags = ValueOf<{ type: 'array'; items: { type: 'string' } }> // string[]
 */
// ValueOf, ObjectOf and MembersOf name no helper alias of their own: the public types, as the API
// report and editors show them, name nothing a user cannot import. `extends infer X` binds what a
// helper alias would have.
export type ValueOf<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { type: infer T }
      ? (T extends readonly (infer N)[] ? N : T) extends infer N
        ? N extends 'string'
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
        : never
      : unknown

/**
 * The object type an object schema describes: its `required` members required, the others
 * optional, every member typed by its own schema (`ValueOf`). Without `properties`, any object.
 *
 * @example
 * type Account = ObjectOf<{ type: 'object'; properties: { id: { type: 'string' } }; required: ['id'] }> // { id: string }
 */
export type ObjectOf<S> = S extends { properties: infer P }
  ? (S extends { required: readonly (infer R)[] } ? R : never) extends infer R
    ? ({ -readonly [K in keyof P as K extends R ? K : never]: ValueOf<P[K]> } & {
        -readonly [K in keyof P as K extends R ? never : K]?: ValueOf<P[K]>
      }) extends infer O
      ? { [K in keyof O]: O[K] } & {}
      : never
    : never
  : Record<string, unknown>

/**
 * The extension members an `ExtensionSchema` describes, as a TypeScript type.
 *
 * @example
 * const schema = { type: 'object', properties: { balance: { type: 'number' } }, required: ['balance'] } as const
 * type Members = MembersOf<typeof schema> // { balance: number }
 */
export type MembersOf<S> = S extends ExtensionSchema ? ObjectOf<S> : Record<never, never>
