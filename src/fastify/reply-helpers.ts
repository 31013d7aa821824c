/**
 * Reply helpers: `reply.created` (201 + Location), `reply.accepted` (202 + Location of the status
 * monitor) and `reply.problem` (answer with a problem without throwing).
 */
import type { FastifyReply } from 'fastify'
import { createProblem } from '../classes.js'
import { locationValue } from '../location.js'
import { createProblemMembers } from '../members.js'
import type { ProblemOptions } from '../problem.js'
import type { ResolvedOptions } from './options.js'
import { canAnswerWithoutError, sendProblem, sendProblemMembers } from './send-problem.js'

/** `reply.created(location, body?)`: 201 with `Location` (RFC 9110 15.3.2). */
export function created(this: FastifyReply, location: string, body?: unknown): FastifyReply {
  setLocation(this, location)
  this.code(201)
  // Stryker disable next-line ConditionalExpression: Fastify's reply.send reads a missing payload and undefined alike
  return body === undefined ? this.send() : this.send(body)
}

/** `reply.accepted(statusUrl?, body?)`: 202, with `Location` of a status monitor when given (RFC 9110 15.3.3). */
export function accepted(this: FastifyReply, statusUrl?: string, body?: unknown): FastifyReply {
  if (statusUrl !== undefined) setLocation(this, statusUrl)
  this.code(202)
  // Stryker disable next-line ConditionalExpression: Fastify's reply.send reads a missing payload and undefined alike
  return body === undefined ? this.send() : this.send(body)
}

/**
 * `reply.problem(status, options?)` or `reply.problem(anything)`, bound to the plugin's options.
 * Anything but a number is answered exactly as the error handler answers it thrown: our problems,
 * foreign errors (http-errors, boom, @fastify/sensible) and non-errors alike, typed or not.
 * A status and options answer from the problem's members alone when its `Error` could not be
 * observed (see `canAnswerWithoutError`): the same checks, headers and bytes, without the cost of
 * an `Error`.
 */
export function problemReplier(options: ResolvedOptions) {
  return function problem(this: FastifyReply, problemOrStatus: unknown, problemOptions?: string | ProblemOptions): FastifyReply {
    if (typeof problemOrStatus !== 'number') return sendProblem(options, problemOrStatus, this.request, this)
    // Stryker disable next-line ConditionalExpression,BlockStatement: the slow path below answers the same (speed only; see problemUnobserved)
    if (canAnswerWithoutError(options, problemOrStatus)) {
      const members = createProblemMembers(problemOrStatus, problemOptions)
      return sendProblemMembers(options, members, this.request, this, () => createProblem(problemOrStatus, problemOptions))
    }
    return sendProblem(options, createProblem(problemOrStatus, problemOptions), this.request, this)
  }
}

function setLocation(reply: FastifyReply, location: string): void {
  const value = locationValue(location)
  if (value === undefined) {
    // Never sent: it would split the response or make Node throw. The status still goes out.
    reply.log.warn({ droppedHeaders: ['location'] }, 'http-problems: Location dropped, the value cannot be sent as a header')
    return
  }
  reply.header('location', value)
}
