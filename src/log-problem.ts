/**
 * One log line per problem, through any pino-compatible logger (Fastify's `request.log`,
 * pino-http's `req.log`). Server errors are logged with the error, its stack and cause chain;
 * client errors without a stack, since a stack says nothing useful about a 404.
 */
import type { HttpProblem } from './problem.js'
import type { RenderedProblem } from './render.js'

/** The part of a pino logger this library uses. */
export type ProblemLogger = Record<LoggedLevel, (object: Record<string, unknown>, message: string) => void>

/** Levels a problem may be logged at. */
export type LoggedLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'

/** Everything known about one problem response. */
export interface ProblemLogEntry {
  problem: HttpProblem
  /** What the route threw, before normalization. */
  thrown: unknown
  correlationId: string
  rendered: RenderedProblem
}

/**
 * Logs a problem at `level` (`'silent'` logs nothing). The correlation id is in every line so a
 * client's quoted id finds it. A logger that throws is reported as a process warning instead,
 * so a broken logger can never turn one error into two.
 */
export function logProblem(logger: ProblemLogger, entry: ProblemLogEntry, level: LoggedLevel | 'silent'): void {
  if (level === 'silent') return
  const { problem, thrown, correlationId, rendered } = entry
  const line: Record<string, unknown> = { correlationId, status: rendered.status, code: problem.code }
  if (rendered.status >= 500) {
    // The thrown error carries the stack that matters; a thrown non-error has none to show.
    if (thrown instanceof Error) line.err = thrown
    else line.thrown = describeThrown(thrown)
  } else if (problem.detail !== undefined) {
    line.detail = problem.detail
  }
  if (rendered.droppedHeaders.length > 0) line.droppedHeaders = rendered.droppedHeaders
  if (rendered.droppedMembers.length > 0) line.droppedMembers = rendered.droppedMembers
  try {
    logger[level](line, `${rendered.status} ${problem.title}`)
  } catch (loggerFault) {
    process.emitWarning(`http-problems: the logger threw while logging a ${rendered.status} problem`, {
      code: 'HTTP_PROBLEMS_LOGGER_FAULT',
      detail: loggerFault instanceof Error ? loggerFault.message : String(loggerFault),
    })
  }
}

/** A bounded description of a thrown non-Error value. */
function describeThrown(thrown: unknown): string {
  try {
    const text = typeof thrown === 'string' ? thrown : typeof thrown === 'object' ? Object.prototype.toString.call(thrown) : String(thrown)
    return text.length > 1024 ? `${text.slice(0, 1024)}…` : text
  } catch {
    return typeof thrown
  }
}
