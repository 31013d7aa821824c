/**
 * The Fastify side of the one data flow: normalize what was thrown, pick the correlation id,
 * render, log once, write. Used by the error handler, the not-found handler and `reply.problem`.
 *
 * This is the last line of defence, so it must never be the second thing that breaks: it never
 * throws. If the answer cannot be made or written, a minimal 500 problem goes out instead and the
 * fault is logged once; if the response had already started, nothing more is written.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isValidCorrelationId, newCorrelationId } from '../correlation.js'
import { guarded, isError } from '../guarded.js'
import { problemLogLevel } from '../log-level.js'
import { logFault, logProblem, type ProblemLogger } from '../log-problem.js'
import { answersClosedClient, mapRequestError } from '../mapping/request-step.js'
import { normalize, normalizeToMembers } from '../normalize.js'
import { requestCorrelationId } from '../request-correlation.js'
import { capturesNoStack, isHttpProblem, type ProblemMembers } from '../problem.js'
import { fallbackProblem, needsAllowFromRouter, renderMembers, type RenderedProblem } from '../render.js'
import { allowedMethods } from './allowed-methods.js'
import type { ResolvedOptions } from './options.js'

/**
 * Answers `request` with the problem for `thrown`. A 405 that does not name valid `Allow` methods
 * (an http-errors 405, say) gets them from the router. Never throws.
 */
export function sendProblem(
  options: ResolvedOptions,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const mapped = mapRequestError(options.rules, thrown, reply.raw, request.log as unknown as ProblemLogger)
  return answer(options, mapped, thrown, request, reply)
}

/**
 * Answers with a problem given as members only (`createProblemMembers`), for `reply.problem`
 * when no `Error` is needed (see `canAnswerWithoutError`). Never throws. `asError` makes the
 * problem the members stand for, only if the answer fails: the fault line then names it as `err`,
 * as it would have named the problem `reply.problem` made on the slow path.
 */
export function sendProblemMembers(
  options: ResolvedOptions,
  members: ProblemMembers,
  request: FastifyRequest,
  reply: FastifyReply,
  asError: () => unknown,
): FastifyReply {
  return answer(options, members, members, request, reply, asError)
}

/**
 * True when nothing outside the answer ever sees the problem object: no `onProblem` receives it
 * and no `stack` member shows it. Its members are then all that matters.
 *
 * This guard and `canAnswerWithoutError` only choose the fast path: the slow path answers the same
 * status, headers, body bytes and log lines (a failed answer's fault line included, since
 * `sendProblemMembers` makes the problem for it), so a guard that says no more often differs in
 * speed only, and its mutants are marked equivalent.
 */
// Stryker disable next-line BlockStatement: undefined is read as false, the slow path, which answers the same (speed only)
function problemUnobserved(options: ResolvedOptions): boolean {
  // Stryker disable next-line ConditionalExpression: false takes the slow path, which answers the same (speed only)
  return options.onProblem === undefined && !options.render.exposeStack
}

/**
 * True when nothing could observe the `Error` of a problem with this status: the problem goes
 * unobserved, would capture no stack (a 4xx), and no `map` rule is offered it (a rule that names
 * problems maps `reply.problem(404)` as it maps a thrown `NotFound`). 5xx problems are always
 * made, for their stack, the log line's `err` and the active span.
 */
// Stryker disable next-line BlockStatement: undefined is read as false, the slow path, which answers the same (speed only)
export function canAnswerWithoutError(options: ResolvedOptions, status: number): boolean {
  // Stryker disable next-line ConditionalExpression: false takes the slow path, which answers the same (speed only)
  return problemUnobserved(options) && capturesNoStack(status) && !offersProblemsToRules(options)
}

/** True when a `map` rule is offered values that already are HTTP errors, our problems among them. */
function offersProblemsToRules(options: ResolvedOptions): boolean {
  // Stryker disable next-line ConditionalExpression: true takes the slow path, which answers the same (speed only)
  return options.rules !== undefined && options.rules.some((rule) => rule.httpErrors)
}

/** `normalize(thrown)`, or only its members when the wrapper it would build goes unobserved. */
function problemFor(options: ResolvedOptions, thrown: unknown): ProblemMembers {
  // Stryker disable next-line ConditionalExpression: a shortcut; normalize and normalizeToMembers give a problem back as it is
  if (isHttpProblem(thrown)) return thrown
  return wrapperUnobserved(options, thrown) ? normalizeToMembers(thrown, options) : normalize(thrown, options)
}

/**
 * True when no one would see the problem `normalize` wraps around a foreign `thrown` value: it
 * goes unobserved, and no span would record the wrapper for want of an `Error` thrown. Its
 * members then suffice (`normalizeToMembers`); the thrown value itself is what the log line and
 * the span get either way.
 */
// The slow path (`normalize`) answers the same status, headers, body bytes and log lines, the
// thrown value being logged either way (test/perf/normalize-to-members.test.ts): a guard that says
// no more often differs in speed only.
// Stryker disable next-line BlockStatement: undefined is read as false, the slow path, which answers the same (speed only)
function wrapperUnobserved(options: ResolvedOptions, thrown: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: each makes the fast path rarer; the slow path answers the same (speed only)
  return problemUnobserved(options) && (options.tracing === undefined || isError(thrown))
}

function answer(
  options: ResolvedOptions,
  members: ProblemMembers | undefined,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  thrownAsError?: () => unknown,
): FastifyReply {
  let correlationId: string | undefined
  try {
    // First: the request's child logger binds this id, so even a fallback must answer with it.
    correlationId = requestCorrelationId(request.raw, options.render.correlationIdHeader, options.tracing)
    const problem = members ?? problemFor(options, thrown)
    const allow = needsAllowFromRouter(problem) ? allowedMethods(request) : undefined
    const { method, url, headers } = request
    const replyHeaders = reply.getHeaders()
    const acceptLanguage = headers['accept-language']
    const facts = { method, url, accept: headers.accept, acceptLanguage, correlationId, allow, connection: headers.connection, replyHeaders }
    const rendered = renderMembers(problem, facts, options.render)
    const level = problemLogLevel(rendered.status, options)
    if (rendered.status >= 500) options.tracing?.recordServerError(thrown, problem)
    const logger = request.log as unknown as ProblemLogger
    const mapped = problem !== thrown && members !== undefined
    const entry = { problem, thrown, correlationId, rendered, mapped, clientClosed: mapped && answersClosedClient(problem, reply.raw) }

    if (entry.clientClosed) {
      logProblem(logger, entry, level)
    } else if (responseStarted(reply)) {
      logProblem(logger, { ...entry, responseStarted: true }, level)
      abandon(reply)
    } else {
      for (const name of rendered.removedReplyHeaders) reply.removeHeader(name)
      logProblem(logger, entry, level)
      writeGuarded(options, request, reply, rendered, correlationId)
    }
    report(options, problem, request, correlationId)
    return reply
  } catch (fault) {
    // Stryker disable next-line ConditionalExpression: a shortcut; guarded(undefined) throws inside and answers undefined, so `?? thrown` gives the same
    const logged = thrownAsError === undefined ? thrown : (guarded(thrownAsError) ?? thrown)
    const failure = { fault, correlationId, thrown: logged, viaFastify: true }
    return sendFallback(options, request, reply, failure, 'the error handler failed')
  }
}

/** The problem body is already JSON: a serializer the route set for its own payload must not touch it. */
function asIs(payload: unknown): string {
  return payload as string
}

/**
 * A HEAD answer is sent with the body a GET gets: Fastify's automatic HEAD route measures its
 * `content-length` from that payload (an empty one would say 0), and Node never writes a HEAD body.
 */
function write(reply: FastifyReply, rendered: RenderedProblem): void {
  reply.serializer(asIs)
  reply.code(rendered.status).headers(rendered.headers)
  reply.send(rendered.body ?? rendered.bodyOfGet)
}

/** Headers are on the wire (a stream broke, the route wrote to `reply.raw`) or the reply is hijacked. */
function responseStarted(reply: FastifyReply): boolean {
  return reply.sent || reply.raw.headersSent
}

/**
 * A response that started cannot become a problem; a second write would corrupt it. A hijacked
 * reply belongs to the route and is left alone; any other started response is cut off, so the
 * client sees a broken answer at once instead of waiting for the rest of one that never comes.
 */
function abandon(reply: FastifyReply): void {
  if (!reply.sent && !reply.raw.destroyed) reply.raw.destroy()
}

/**
 * Writes `rendered`, armed for the failure that comes back after this handler returned: an
 * `onSend` hook that throws on the problem body. Fastify hands that error to the next error
 * handler, its default one, which would answer with a non-problem body carrying the hook's error
 * message, through the same failing hooks. That handler ends with `reply.send(error)`: on this
 * reply, any `send` after our own writes the minimal problem straight to the socket instead.
 * Calls after the response started keep their usual behaviour (Fastify's "already sent" warning).
 */
function writeGuarded(
  options: ResolvedOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  rendered: RenderedProblem,
  correlationId: string,
): void {
  const send = reply.send
  let calls = 0
  reply.send = function guardedSend(this: FastifyReply, payload?: unknown): FastifyReply {
    calls += 1
    if (calls === 1 || responseStarted(this)) return send.call(this, payload)
    reply.send = send
    const failure = { fault: payload, correlationId, viaFastify: false }
    sendFallback(options, request, reply, failure, 'sending the problem failed (an onSend hook threw)')
    return this
  }
  try {
    write(reply, rendered)
  } catch (fault) {
    reply.send = send // the caller's fallback must not count as a second send
    throw fault
  }
}

/**
 * The minimal 500: logs the fault once, then writes it through Fastify when the failure was ours
 * (headers replaced by the fallback's own, the route's serializer bypassed), or straight to the
 * socket when Fastify's own send path is what failed.
 */
function sendFallback(
  options: ResolvedOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  failure: { fault: unknown; correlationId: string | undefined; thrown?: unknown; viaFastify: boolean },
  what: string,
): FastifyReply {
  const { fault, correlationId, viaFastify } = failure
  const id = isValidCorrelationId(correlationId) ? correlationId : newCorrelationId()
  const facts = {
    // Stryker disable next-line ArrowFunction: for HEAD the fallback only moves its body to bodyOfGet; both writers here then send the same head (Content-Length included) and Node writes no HEAD body
    method: guarded(() => request.method),
    url: guarded(() => request.url),
    correlationId: id,
  }
  const rendered = fallbackProblem(facts, options.render)
  const entry = 'thrown' in failure ? { correlationId: id, fault, thrown: failure.thrown } : { correlationId: id, fault }
  logFault(request.log as unknown as ProblemLogger, entry, `http-problems: ${what}; a minimal 500 problem was sent`)
  try {
    if (responseStarted(reply)) {
      abandon(reply)
      return reply
    }
    if (!viaFastify) {
      writeRaw(reply, rendered)
      return reply
    }
    for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name)
    write(reply, rendered)
  } catch {
    writeRaw(reply, rendered)
  }
  return reply
}

/**
 * Past Fastify entirely: the last way left to answer. A response that cannot take it (its head
 * already went out, say, and `writeHead` throws) is cut off rather than left hanging.
 */
function writeRaw(reply: FastifyReply, rendered: RenderedProblem): void {
  const raw = reply.raw
  try {
    const length = rendered.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(rendered.body)) }
    raw.writeHead(rendered.status, { ...rendered.headers, ...length })
    raw.end(rendered.body)
  } catch {
    raw.destroy()
  }
}

/**
 * Calls `onProblem`; its throw or rejection is logged once and changes nothing else. While it is
 * set, every problem is a real `HttpProblem` (the members-only paths are not taken).
 */
function report(options: ResolvedOptions, problem: ProblemMembers, request: FastifyRequest, correlationId: string): void {
  const onProblem = options.onProblem
  if (onProblem === undefined || !isHttpProblem(problem)) return
  const logger = request.log as unknown as ProblemLogger
  const onFault = (fault: unknown): void => logFault(logger, { correlationId, fault }, 'http-problems: onProblem failed')
  try {
    const result: unknown = onProblem(problem, request, correlationId)
    if (typeof result === 'object' && result !== null && typeof (result as PromiseLike<unknown>).then === 'function') {
      ;(result as PromiseLike<unknown>).then(undefined, onFault)
    }
  } catch (fault) {
    onFault(fault)
  }
}
