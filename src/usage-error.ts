/**
 * Misuse of the library (bad plugin options, impossible constructor arguments) fails loudly and
 * early with a coded `TypeError`, in the style of Fastify's own `FST_ERR_*` errors, so that callers
 * can tell a configuration mistake apart from the problems their routes throw.
 */

/** Codes carried by the `TypeError`s that http-problems throws on misuse. */
export type UsageErrorCode =
  | 'ERR_HTTP_PROBLEMS_INVALID_OPTION'
  | 'ERR_HTTP_PROBLEMS_INVALID_STATUS'
  | 'ERR_HTTP_PROBLEMS_ALREADY_REGISTERED'

/**
 * A `TypeError` with a stable `code`, thrown when http-problems is used in a way that cannot work.
 *
 * @example
 * try { await app.register(problems, { validationStatus: 418 }) }
 * catch (err) { if (err instanceof UsageError) console.error(err.code) } // ERR_HTTP_PROBLEMS_INVALID_OPTION
 */
export class UsageError extends TypeError {
  readonly code: UsageErrorCode

  constructor(code: UsageErrorCode, message: string) {
    super(message)
    this.name = 'UsageError'
    this.code = code
  }
}

/** Throws `ERR_HTTP_PROBLEMS_INVALID_OPTION` naming the option and what it accepts. */
export function invalidOption(name: string, expected: string, received: unknown): never {
  throw new UsageError(
    'ERR_HTTP_PROBLEMS_INVALID_OPTION',
    `http-problems: option "${name}" must be ${expected}, received ${describe(received)}`,
  )
}

/** A short, safe description of a value for an error message (never its full contents). */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const kind = typeof value
  if (kind === 'string') return `the string ${JSON.stringify((value as string).slice(0, 40))}`
  if (kind === 'number' || kind === 'boolean' || kind === 'bigint') return `${kind} ${String(value)}`
  return kind === 'object' ? 'an object' : kind
}
