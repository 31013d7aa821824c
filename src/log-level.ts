/**
 * The level a problem's log line is written at, one rule for every adapter and for the answers
 * written before routing: a 5xx is the service's failure (`logLevels.serverError`), anything
 * else the client's (`logLevels.clientError`).
 */
import type { ProblemSettings } from './settings.js'

/** `serverErrorLevel` for a 5xx answer, `clientErrorLevel` for the rest. */
export function problemLogLevel(
  status: number,
  levels: Pick<ProblemSettings, 'clientErrorLevel' | 'serverErrorLevel'>,
): ProblemSettings['clientErrorLevel'] {
  return status >= 500 ? levels.serverErrorLevel : levels.clientErrorLevel
}
