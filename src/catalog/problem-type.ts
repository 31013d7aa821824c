/**
 * What a catalog, a route's `problems` list and the typed client accept as a problem type: a
 * generated status class (`NotFound`) or a `defineProblem` class (`OutOfCredit`), from any
 * installed copy of the package. Read through static properties only, so the CLI (its own bundle)
 * reads classes from the user's module just as the library does.
 */
import type { HttpProblem } from '../problem.js'
import { SAME_KIND } from '../problem.js'
import { statusEntry } from '../statuses.js'
import { invalidOption } from '../usage-error.js'
import type { ExtensionSchema } from './extension-schema.js'

/**
 * A problem class: a status class such as `NotFound`, or a class made by `defineProblem`.
 * `never[]` accepts every constructor signature, whatever options it requires.
 */
export interface ProblemType {
  new (...args: never[]): HttpProblem
  readonly status: number
  readonly title: string
  readonly code: string
}

/** What the catalog reads from a problem class. */
export interface ProblemTypeFacts {
  readonly problemClass: ProblemType
  readonly name: string
  readonly status: number
  readonly title: string
  readonly code: string
  /** The class's own `type` URI; `undefined` for a status class (its type depends on `typeBaseUrl`). */
  readonly type: string | undefined
  readonly description: string | undefined
  readonly resolution: string | undefined
  readonly schema: ExtensionSchema | undefined
  readonly example: { detail?: string; extensions?: Record<string, unknown> } | undefined
}

/**
 * The facts of `value` as a problem class, or a coded `UsageError` naming `option` when it is
 * neither a status class nor a `defineProblem` class.
 */
export function problemTypeFacts(value: unknown, option: string): ProblemTypeFacts {
  if (typeof value !== 'function' || !Object.prototype.hasOwnProperty.call(value, SAME_KIND)) {
    invalidOption(option, 'a problem class (NotFound, or a class made by defineProblem)', value)
  }
  const read = value as unknown as Record<string, unknown>
  // A string for a defineProblem class, nothing for a status class: read as the members below are.
  const own = read.type as string | undefined
  if (own === undefined && statusEntry(read.status as number) === undefined) {
    invalidOption(option, 'a problem class (NotFound, or a class made by defineProblem)', value)
  }
  return {
    problemClass: value as unknown as ProblemType,
    name: value.name,
    status: read.status as number,
    title: read.title as string,
    code: read.code as string,
    type: own,
    description: read.description as string | undefined,
    resolution: read.resolution as string | undefined,
    schema: read.schema as ExtensionSchema | undefined,
    example: read.example as ProblemTypeFacts['example'],
  }
}
