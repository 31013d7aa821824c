/**
 * `defineProblem`: custom problem types with their own `type` URI, title, status and code, whose
 * extension members are typed (an `OutOfCredit` 403 that must carry `{ balance: number }`).
 */
import { HttpProblem, SAME_KIND, checkTypeUri, type Extensions, type ProblemOptions } from './problem.js'
import { codeFromTitle } from './statuses.js'
import { invalidOption } from './usage-error.js'

/** What a custom problem type is made of. */
export interface ProblemDefinition<S extends number = number> {
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
}

/** Options of a defined problem: the common ones, with `extensions` required when `X` has required members. */
export type DefinedProblemOptions<X extends Extensions> = Omit<ProblemOptions<X>, 'type' | 'title' | 'extensions'> &
  (object extends X ? { extensions?: X } : { extensions: X })

/** Constructor arguments of a defined problem: optional unless its extensions are required. */
export type DefinedProblemArgs<X extends Extensions> = object extends X
  ? [options?: string | DefinedProblemOptions<X>]
  : [options: DefinedProblemOptions<X>]

/** The class `defineProblem` returns. */
export interface DefinedProblemClass<S extends number, X extends Extensions> {
  new (...args: DefinedProblemArgs<X>): HttpProblem<S, X>
  readonly prototype: HttpProblem<S, X>
  readonly status: S
  readonly type: string
  readonly title: string
  readonly code: string
}

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
 */
export function defineProblem<X extends Extensions = Record<never, never>, S extends number = number>(
  definition: ProblemDefinition<S>,
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
  Object.defineProperty(generated, SAME_KIND, {
    value: (problem: HttpProblem) => problem.status === status && problem.type === type,
  })
  return generated as unknown as DefinedProblemClass<S, X>
}
