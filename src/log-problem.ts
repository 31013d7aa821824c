/**
 * One log line per problem, through any pino-compatible logger (Fastify's `request.log`,
 * pino-http's `req.log`). Server errors are logged with the error, its stack and cause chain;
 * client errors without a stack, since a stack says nothing useful about a 404.
 *
 * Logging is the last thing an error handler does that can itself fail: a serializer that chokes
 * on a circular or 100,000-deep cause chain, a getter that throws, a broken transport. None of
 * that may cost the response or escape as a second error, so every call is guarded and a line
 * that cannot be written whole is written again without the thrown value.
 */
import { clip } from './clip.js'
import { describeCause } from './log-cause.js'
import { isError } from './guarded.js'
import type { ProblemMembers } from './problem.js'
import type { RenderedProblem } from './render.js'

/** The part of a pino logger this library uses. */
export type ProblemLogger = Record<LoggedLevel, (object: Record<string, unknown>, message: string) => void> & {
  /** pino's check, when the logger has one: a line for a disabled level is not even built. */
  isLevelEnabled?: (level: string) => boolean
}

/** Levels a problem may be logged at. */
export type LoggedLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'

/** Everything known about one problem response. */
export interface ProblemLogEntry {
  problem: ProblemMembers
  /** What the route threw, before normalization. */
  thrown: unknown
  correlationId: string
  rendered: RenderedProblem
  /** True when a mapping rule answered: the line carries the original error as `cause`. */
  mapped?: boolean
  /** True when the client closed the connection first (a mapped `AbortError`): nothing was written. */
  clientClosed?: boolean
  /**
   * True when the response had already started (headers sent) so the problem could not be sent;
   * the line says so, since the client saw a cut-off answer instead.
   */
  responseStarted?: boolean
}

/** Longest text copied from a problem or a thrown value into a log line. */
const MAX_LOGGED_TEXT_LENGTH = 2048

/**
 * Logs a problem at `level` (`'silent'` logs nothing). The correlation id is in every line so a
 * client's quoted id finds it. Never throws: when the logger throws on the full line, a line
 * without the thrown value is tried, and when that throws too, a process warning is emitted.
 *
 * @example
 * logProblem(request.log, { problem, thrown, correlationId, rendered }, 'error')
 */
export function logProblem(logger: ProblemLogger, entry: ProblemLogEntry, level: LoggedLevel | 'silent'): void {
  if (level === 'silent' || !isLevelEnabled(logger, level)) return
  const { problem, thrown, correlationId, rendered } = entry
  const line: Record<string, unknown> = { correlationId, status: rendered.status, code: textOf(() => problem.code) }
  if (rendered.status >= 500) {
    // The thrown error carries the stack that matters; a thrown non-error has none to show.
    if (entry.mapped === true) line.cause = describeCause(thrown)
    else if (isError(thrown)) line.err = thrown
    else line.thrown = describeThrown(thrown)
  } else {
    const detail = textOf(() => problem.detail)
    if (detail !== undefined) line.detail = detail
    if (entry.mapped === true) line.cause = describeCause(thrown)
  }
  if (rendered.droppedHeaders.length > 0) line.droppedHeaders = rendered.droppedHeaders
  if (rendered.droppedMembers.length > 0) line.droppedMembers = rendered.droppedMembers
  if (rendered.fault !== undefined) line.renderFault = describeThrown(rendered.fault)
  if (entry.responseStarted === true) line.responseStarted = true
  const title = rendered.fault === undefined ? (textOf(() => problem.title) ?? 'Problem') : 'Internal Server Error'
  const message = entry.responseStarted === true
    ? `${rendered.status} ${title} (the response had already started; the connection was closed)`
    : entry.clientClosed === true
      ? `${rendered.status} ${title} (the client closed the connection; nothing was written)`
      : `${rendered.status} ${title}`
  writeLine(logger, level, line, message)
}

/**
 * Logs a fault of the error handling itself (a renderer, a callback, a write that failed) once,
 * at `error`, with what was thrown in the first place. Never throws.
 *
 * @example
 * logFault(request.log, { correlationId, fault, thrown }, 'http-problems: onProblem threw')
 */
export function logFault(
  logger: ProblemLogger,
  entry: { correlationId: string; fault: unknown; thrown?: unknown },
  message: string,
): void {
  const line: Record<string, unknown> = { correlationId: entry.correlationId, fault: describeThrown(entry.fault) }
  if ('thrown' in entry) {
    if (isError(entry.thrown)) line.err = entry.thrown
    else line.thrown = describeThrown(entry.thrown)
  }
  writeLine(logger, 'error', line, message)
}

/**
 * False only when the logger says the level is off (pino at `warn` and a 4xx logged at `info`,
 * say). A logger without the check, or whose check throws, gets the line.
 */
function isLevelEnabled(logger: ProblemLogger, level: LoggedLevel): boolean {
  try {
    return typeof logger.isLevelEnabled !== 'function' || logger.isLevelEnabled(level) !== false
  } catch {
    return true
  }
}

/**
 * Writes `line`; if the logger throws (its serializers could not handle `err`, say), writes it
 * again with `err` replaced by a bounded description; if that throws too, the only channel left is
 * a process warning. So every problem leaves exactly one trace.
 */
function writeLine(logger: ProblemLogger, level: LoggedLevel, line: Record<string, unknown>, message: string): void {
  try {
    logger[level](line, message)
    return
  } catch (fault) {
    const { err, ...rest } = line
    const plain: Record<string, unknown> = { ...rest, loggerFault: describeThrown(fault) }
    if (err !== undefined) plain.thrown = describeThrown(err)
    try {
      logger[level](plain, message)
      return
    } catch {
      // Fall through to the process warning below.
    }
  }
  try {
    process.emitWarning(`http-problems: the logger threw while logging: ${message}`, {
      code: 'HTTP_PROBLEMS_LOGGER_FAULT',
      detail: `correlationId ${String(line.correlationId)}`,
    })
  } catch {
    // A warning listener that throws is beyond anything left to tell.
  }
}

/** A string member of a problem, bounded; `undefined` when absent or unreadable. */
function textOf(read: () => unknown): string | undefined {
  try {
    const text = read()
    return typeof text === 'string' ? clip(text, MAX_LOGGED_TEXT_LENGTH) : undefined
  } catch {
    return undefined
  }
}

/**
 * A bounded, never-throwing description of any value: `Name: message` for errors, the text of
 * strings, the tag of other objects (`[object Object]`), `String()` of primitives.
 */
function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === 'string') return clip(thrown, MAX_LOGGED_TEXT_LENGTH)
    if (typeof thrown === 'function') return '[function]'
    if (typeof thrown !== 'object' || thrown === null) return String(thrown)
    if (isError(thrown)) return clip(`${String(thrown.name)}: ${String(thrown.message)}`, MAX_LOGGED_TEXT_LENGTH)
    return Object.prototype.toString.call(thrown)
  } catch {
    return thrown === null ? 'null' : typeof thrown
  }
}
