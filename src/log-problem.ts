/**
 * One log line per problem, through any pino-compatible logger (Fastify's `request.log`,
 * pino-http's `req.log`). Server errors are logged with the error, its stack and cause chain;
 * client errors without a stack, since a stack says nothing useful about a 404.
 *
 * The error is logged as a bounded copy (`logged-error.ts`): a cause chain can be 10,000 deep.
 *
 * Logging is the last thing an error handler does that can itself fail: a serializer that chokes
 * on a circular or 100,000-deep cause chain, a getter that throws, a broken transport. None of
 * that may cost the response or escape as a second error, so every call is guarded and a line
 * that cannot be written whole is written again without the thrown value.
 */
import { clip } from './clip.js'
import { describeCause } from './log-cause.js'
import { isError } from './guarded.js'
import { describeThrown, loggableAsIs, loggedError, MAX_LOGGED_TEXT_LENGTH } from './logged-error.js'
import type { ProblemMembers } from './problem.js'
import type { RenderedProblem } from './render.js'
import { bindsCorrelationId } from './request-correlation.js'
import { emitWarning } from './warn.js'
import { writesNothing } from './no-op-method.js'

/**
 * The part of a pino logger this library uses (the Express adapter's `logger` option); any pino
 * logger is one.
 *
 * @example
 * const logger: ProblemLogger = pino()
 * app.use(problems({ logger }).errorHandler)
 */
export type ProblemLogger = Record<LoggedLevel, (object: Record<string, unknown>, message: string) => void> & {
  /** pino's check, when the logger has one: a line for a disabled level is not even built. */
  isLevelEnabled?: (level: string) => boolean
}

/**
 * Levels a problem may be logged at: the methods a `ProblemLogger` has.
 *
 * @example
 * const level: LoggedLevel = 'warn'
 */
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

/**
 * Logs a problem at `level` (`'silent'` logs nothing). The correlation id is in every line so a
 * client's quoted id finds it. Never throws: when the logger throws on the full line, a line
 * without the thrown value is tried, and when that throws too, a process warning is emitted.
 *
 * @example
 * logProblem(request.log, { problem, thrown, correlationId, rendered }, 'error')
 */
export function logProblem(logger: ProblemLogger, entry: ProblemLogEntry, level: LoggedLevel | 'silent'): void {
  const { problem, thrown, correlationId, rendered } = entry
  // Before the level check: a broken catalog message is a fault of the service, whatever the level of its problems.
  if (rendered.localizationFaults !== undefined) logLocalizationFaults(logger, correlationId, rendered.localizationFaults)
  if (level === 'silent' || !isLevelEnabled(logger, level)) return
  // Localized answers are logged in the default locale, whatever the client asked for, so logs stay searchable.
  const text = rendered.logText ?? problem
  const line: Record<string, unknown> = correlationMember(logger, correlationId)
  line.status = rendered.status
  line.code = textOf(() => problem.code)
  if (rendered.status >= 500) {
    // The thrown error carries the stack that matters; a thrown non-error has none to show.
    if (entry.mapped === true) line.cause = describeCause(thrown)
    else Object.assign(line, thrownMembers(thrown))
  } else {
    const detail = textOf(() => text.detail)
    if (detail !== undefined) line.detail = detail
    if (entry.mapped === true) line.cause = describeCause(thrown)
  }
  if (rendered.droppedHeaders.length > 0) line.droppedHeaders = rendered.droppedHeaders
  if (rendered.droppedMembers.length > 0) line.droppedMembers = rendered.droppedMembers
  if (rendered.fault !== undefined) line.renderFault = describeThrown(rendered.fault)
  if (entry.responseStarted === true) line.responseStarted = true
  const title = rendered.fault === undefined ? (textOf(() => text.title) ?? 'Problem') : 'Internal Server Error'
  const message = entry.responseStarted === true
    ? `${rendered.status} ${title} (the response had already started; the connection was closed)`
    : entry.clientClosed === true
      ? `${rendered.status} ${title} (the client closed the connection; nothing was written)`
      : `${rendered.status} ${title}`
  writeLine(logger, level, line, message)
}

/**
 * The line's first member: the correlation id, unless the logger binds it already (a request's
 * child logger), where repeating it would write JSON with a duplicate key.
 */
function correlationMember(logger: ProblemLogger, correlationId: string): Record<string, unknown> {
  return bindsCorrelationId(logger) ? {} : { correlationId }
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
  const line: Record<string, unknown> = correlationMember(logger, entry.correlationId)
  line.fault = describeThrown(entry.fault)
  if ('thrown' in entry) Object.assign(line, thrownMembers(entry.thrown))
  writeLine(logger, 'error', line, message)
}

/**
 * One `error` line per catalog message that failed to format (the answer used the fallback text);
 * the localizer reports each message once, so a broken message does not flood the log.
 */
function logLocalizationFaults(logger: ProblemLogger, correlationId: string, faults: readonly string[]): void {
  for (const fault of faults) {
    const line: Record<string, unknown> = correlationMember(logger, correlationId)
    line.localizationFault = clip(fault, MAX_LOGGED_TEXT_LENGTH)
    writeLine(logger, 'error', line, 'http-problems: a catalog message failed to format; the fallback text was sent')
  }
}

/**
 * What a line says about the thrown value: an error as `err`, bounded (its stack and cause chain
 * within `LOG_BUDGET`, whatever the chain's depth; an error already within it as it is), anything
 * else as a short description.
 */
function thrownMembers(thrown: unknown): { err: Error } | { thrown: string } {
  if (!isError(thrown)) return { thrown: describeThrown(thrown) }
  return { err: loggableAsIs(thrown) ? thrown : loggedError(thrown) }
}

/**
 * False only when the logger says the level is off (pino at `warn` and a 4xx logged at `info`,
 * say), or when the level's method is an empty function (Fastify's logger when the app has none):
 * a line for either would be built only to be dropped. A logger without the check, or whose check
 * throws, gets the line.
 */
function isLevelEnabled(logger: ProblemLogger, level: LoggedLevel): boolean {
  try {
    if (writesNothing(logger[level])) return false
    // Stryker disable next-line ConditionalExpression: without the method the call below throws, and the catch answers true as well (this saves the throw)
    if (typeof logger.isLevelEnabled !== 'function') return true
    return logger.isLevelEnabled(level) !== false
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
  emitWarning(`http-problems: the logger threw while logging: ${message}`, {
    code: 'HTTP_PROBLEMS_LOGGER_FAULT',
    detail: `correlationId ${String(line.correlationId)}`,
  })
}

/** A string member of a problem, bounded; `undefined` when absent or unreadable. */
function textOf(read: () => unknown): string | undefined {
  try {
    const text = read()
    return typeof text === 'string' ? clip(text, MAX_LOGGED_TEXT_LENGTH) : undefined
  } catch {
    // An unreadable member (a throwing getter): undefined.
  }
}
