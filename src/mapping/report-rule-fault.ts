/**
 * The one log line for a mapping rule that failed. A rule's failure is a configuration fault of
 * the service, not of one request, so it is logged at `error` once (see map-thrown.ts), with the
 * fault itself as `err` for its stack; a logger that throws, or none, leaves a process warning.
 */
import { clip } from '../clip.js'
import { guarded, isError } from '../guarded.js'
import type { ProblemLogger } from '../log-problem.js'
import { emitWarning } from '../warn.js'

/** Writes the fault line. Never throws. */
export function reportRuleFault(logger: ProblemLogger | undefined, fault: unknown, message: string): void {
  try {
    // No logger throws here too, before the line is made: reading `error` of `undefined` comes
    // before the arguments. Called once per rule per process, so the throw costs nothing that counts.
    logger!.error(isError(fault) ? { err: fault } : { fault: clip(guarded(() => String(fault)) ?? typeof fault, 512) }, message)
    return
  } catch {
    // No logger, or one that throws: the process warning below.
  }
  emitWarning(message, { code: 'HTTP_PROBLEMS_MAPPING_RULE_FAULT' })
}
