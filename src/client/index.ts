/**
 * `http-problems/client`: reading problem answers from other services, turning upstream failures
 * into our own problems, and forwarding the correlation id. Never imports Fastify, so it fits
 * any Node service (or script) that calls HTTP APIs with fetch.
 */
export { isProblem } from './is-problem.js'
export type { ProblemDocument } from './is-problem.js'
export { parseProblem } from './parse-problem.js'
export type { BodyFormat, ParsedProblem, ParseOptions, ResponseLike } from './parse-problem.js'
export { problemFromResponse } from './problem-from-response.js'
export type { ProblemFromResponseOptions } from './problem-from-response.js'
export { upstreamProblem } from './upstream.js'
export type { UpstreamMembers, UpstreamOptions } from './upstream.js'
export { correlationHeaders } from './correlation-headers.js'
export type { CorrelationHeadersOptions, RequestLike } from './correlation-headers.js'
export type { BodyStream } from './read-body.js'
