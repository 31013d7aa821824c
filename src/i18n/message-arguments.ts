/**
 * The arguments a catalog message is formatted with: the problem's public members only, that is
 * its `status` and the extension members its body carries (never `cause`, headers or anything
 * else the client does not see). Only strings, numbers, booleans (as their text) and dates are passed: ICU
 * MessageFormat has nothing to say about an object or an array.
 */
import { isReservedMember, type ProblemMembers } from '../problem.js'
import type { MessageArgument } from './compile-message.js'

/** `{ status, ...extension members }` for `problem`, read once per message that needs them. */
export function messageArguments(problem: ProblemMembers, status: number): Record<string, MessageArgument> {
  const args: Record<string, MessageArgument> = Object.create(null) as Record<string, MessageArgument>
  args.status = status
  const extensions: unknown = problem.extensions
  if (typeof extensions !== 'object' || extensions === null) return args
  for (const name of Object.keys(extensions)) {
    if (isReservedMember(name)) continue
    const value: unknown = (extensions as Record<string, unknown>)[name]
    // A boolean goes in as its text: intl-messageformat says `false` in a plain `{name}` as nothing
    // and gives `true` back as itself, while `{name, select, true {…} other {…}}` reads either alike.
    if (typeof value === 'boolean') args[name] = String(value)
    else if (isArgumentValue(value)) args[name] = value
  }
  return args
}

function isArgumentValue(value: unknown): value is MessageArgument {
  const kind = typeof value
  return kind === 'string' || kind === 'number' || value instanceof Date
}
