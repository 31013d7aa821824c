/**
 * Types of the reply helpers, merged into Fastify's `FastifyReply` so `reply.created(...)` and
 * `reply.problem(...)` type-check once the package is imported.
 */
import type { ConstructorArgs } from '../classes.js'
import type { HttpProblem } from '../problem.js'
import type { ProblemStatus } from '../statuses.js'

/** What `reply.problem(x)` answers as if thrown: anything but a number (a number is a status). */
export type NotAStatus = object | string | boolean | bigint | symbol | null | undefined

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Sends 201 Created with `Location` naming the new resource, and `body` when given.
     *
     * @example
     * app.post('/users', async (request, reply) => reply.created(`/users/${user.id}`, user))
     */
    created(location: string, body?: unknown): FastifyReply
    /**
     * Sends 202 Accepted, with `Location` of a status monitor when given, and `body` when given.
     *
     * @example
     * return reply.accepted(`/jobs/${job.id}`, { id: job.id, state: 'queued' })
     */
    accepted(statusUrl?: string, body?: unknown): FastifyReply
    /**
     * Answers with a problem without throwing (the fastest path: no stack is unwound).
     * `reply.problem(x)` answers exactly as `throw x` would, for anything but a number: our
     * problems, foreign errors (http-errors, boom, @fastify/sensible), non-errors. A number is
     * the status of a new problem, with its options.
     *
     * @example
     * return reply.problem(new NotFound('No user 42'))
     * return reply.problem(createError(409, 'Taken')) // as `throw createError(409, 'Taken')`
     * return reply.problem(429, { retryAfter: 30 })
     */
    problem(problem: HttpProblem | NotAStatus): FastifyReply
    problem<S extends ProblemStatus>(status: S, ...args: ConstructorArgs<S>): FastifyReply
  }
}
