/**
 * `http-problems/testing`: assertions for tests of services that answer with problems. Works
 * with any test runner (it throws Node's `AssertionError`) and never imports Fastify.
 */
export { expectProblem } from './expect-problem.js'
export type { ExpectedProblem } from './expect-problem.js'
export type { TestResponse } from './read-response.js'
