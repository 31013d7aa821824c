/**
 * The arguments a catalog message is formatted with: the problem's public members only, that is
 * its `status` and the extension members its body carries (never `cause`, headers or anything
 * else the client does not see). Only strings, numbers, booleans and dates are passed: ICU
 * MessageFormat has nothing to say about an object or an array.
 */
import { isReservedMember, type ProblemMembers } from '../problem.js'

/** `{ status, ...extension members }` for `problem`, read once per message that needs them. */
export function messageArguments(problem: ProblemMembers, status: number): Record<string, unknown> {
  const args: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  args.status = status
  const extensions: unknown = problem.extensions
  if (typeof extensions !== 'object' || extensions === null) return args
  for (const name of Object.keys(extensions)) {
    if (isReservedMember(name)) continue
    const value: unknown = (extensions as Record<string, unknown>)[name]
    if (isArgumentValue(value)) args[name] = value
  }
  return args
}

function isArgumentValue(value: unknown): boolean {
  const kind = typeof value
  return kind === 'string' || kind === 'number' || kind === 'boolean' || value instanceof Date
}
