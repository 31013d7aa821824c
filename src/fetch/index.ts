/**
 * http-problems/fetch: the adapter for Web-standard `Request`/`Response` runtimes and Hono.
 * Public exports only; each lives in its own module. Nothing here, nor anything it imports,
 * uses a Node API (a test bundles this entry point and fails on one).
 */
export { problems } from './problems.js'
export type { FetchProblems } from './problems.js'
export type { LoggedProblemsOptions as FetchProblemsOptions } from '../logger-option.js'
export type { ProblemResponseContext } from './problem-response.js'
export type { HonoProblemHooks, HonoContextLike } from './hono.js'
export type { HonoRoutes } from './hono-routes.js'
export type { ProblemLogLevel } from '../settings.js'
