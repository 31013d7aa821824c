/**
 * The steps between what was thrown and the bytes, in the order of the one data flow: map,
 * normalize, render with the request's facts, log once. Express, Koa and fetch answer through it;
 * Fastify has its own (src/fastify/send-problem.ts), for its members-only shortcuts. The adapter
 * reads the facts and writes the result; nothing here knows a framework.
 */
import { problemLogLevel } from './log-level.js'
import { logProblem, type ProblemLogger } from './log-problem.js'
import { answersClosedClient, mapRequestError, type ClientConnection } from './mapping/request-step.js'
import { normalize } from './normalize.js'
import type { HttpProblem } from './problem.js'
import { renderProblem, type RenderedProblem, type RequestFacts } from './render.js'
import type { ProblemSettings } from './settings.js'

/** The answer to write, unless the client has gone (`clientClosed`: the line is logged, nothing written). */
export interface ProblemAnswer {
  rendered: RenderedProblem
  clientClosed: boolean
}

/**
 * The rendered answer for `thrown`, logged through `logger` when there is one. `factsOf` gets the
 * problem, so an adapter can read its router only for a 405 that needs `Allow`.
 */
export function answerProblem(
  settings: ProblemSettings,
  logger: ProblemLogger | undefined,
  thrown: unknown,
  connection: ClientConnection,
  factsOf: (problem: HttpProblem) => RequestFacts,
): ProblemAnswer {
  const mapped = mapRequestError(settings.rules, thrown, connection, logger)
  const problem = mapped ?? normalize(thrown, settings)
  const facts = factsOf(problem)
  const rendered = renderProblem(problem, facts, settings.render)
  const clientClosed = mapped !== undefined && answersClosedClient(mapped, connection)
  if (logger !== undefined) {
    const level = problemLogLevel(rendered.status, settings)
    const entry = { problem, thrown, correlationId: facts.correlationId, rendered, mapped: mapped !== undefined, clientClosed }
    logProblem(logger, entry, level)
  }
  return { rendered, clientClosed }
}
