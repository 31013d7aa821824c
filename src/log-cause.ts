/**
 * The original error behind a mapped problem, as a plain, bounded object for a log line's
 * `cause` member: loggers serialize only their `err` key specially, and an `Error` anywhere else
 * would lose its message and stack (they are not enumerable).
 */
import { clip } from './clip.js'
import { guarded, isError, readProperty as read } from './guarded.js'

/** Longest text copied from the original error into the line. */
const MAX_CAUSE_TEXT_LENGTH = 4096

/** What the log line says about a cause. */
export interface LoggedCause {
  type: string
  message?: string
  code?: string | number
  stack?: string
}

/**
 * `{ type, message, code, stack }` of any thrown value, each part bounded. Never throws.
 *
 * @example
 * describeCause(pgError) // { type: 'DatabaseError', message: 'duplicate key value…', code: '23505', stack: '…' }
 */
export function describeCause(value: unknown): LoggedCause {
  if (typeof value !== 'object' || value === null) return { type: value === null ? 'null' : typeof value }
  const cause: LoggedCause = { type: typeName(value) }
  const message = read(value, 'message')
  const code = read(value, 'code')
  const stack = isError(value) ? read(value, 'stack') : undefined
  if (typeof message === 'string') cause.message = clip(message, MAX_CAUSE_TEXT_LENGTH)
  if (typeof code === 'string') cause.code = clip(code, 64)
  else if (typeof code === 'number') cause.code = code
  if (typeof stack === 'string') cause.stack = clip(stack, MAX_CAUSE_TEXT_LENGTH)
  return cause
}

/** The constructor's name (`DatabaseError`), else `name`, else `Object`. */
function typeName(value: object): string {
  // Stryker disable next-line OptionalChaining: without `?.` a missing constructor throws inside guarded, which answers undefined as well
  const constructorName = guarded(() => (value as { constructor?: { name?: unknown } }).constructor?.name)
  const name = typeof constructorName === 'string' && constructorName !== '' ? constructorName : read(value, 'name')
  return typeof name === 'string' && name !== '' ? clip(name, 128) : 'Object'
}
