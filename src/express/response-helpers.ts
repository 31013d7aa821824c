/**
 * `created` (201 + Location) and `accepted` (202 + Location of a status monitor): Express has no
 * reply decorators, so these are functions of the response, the counterparts of Fastify's
 * `reply.created` and `reply.accepted`.
 */
import type { Response } from 'express'
import { locationValue } from '../location.js'
import { requestLogger } from '../logger-option.js'

/**
 * Sends 201 Created with `Location` naming the new resource (RFC 9110 15.3.2), and `body` when
 * given (through `res.send`, so objects go out as JSON). A location that cannot be sent safely
 * (control characters) is dropped with a warning; the 201 still goes out.
 *
 * @example
 * app.post('/users', async (req, res) => {
 *   const user = await users.create(req.body)
 *   created(res, `/users/${user.id}`, user)
 * })
 */
export function created(response: Response, location: string, body?: unknown): Response {
  setLocation(response, location)
  response.status(201)
  return body === undefined ? response.end() : response.send(body)
}

/**
 * Sends 202 Accepted, with `Location` of a status monitor when given (RFC 9110 15.3.3), and
 * `body` when given.
 *
 * @example
 * app.post('/reports', (req, res) => {
 *   const job = queue.add(req.body)
 *   accepted(res, `/jobs/${job.id}`, { id: job.id, state: 'queued' })
 * })
 */
export function accepted(response: Response, statusUrl?: string, body?: unknown): Response {
  if (statusUrl !== undefined) setLocation(response, statusUrl)
  response.status(202)
  return body === undefined ? response.end() : response.send(body)
}

function setLocation(response: Response, location: string): void {
  const value = locationValue(location)
  if (value !== undefined) {
    response.setHeader('location', value)
    return
  }
  // Never sent: it would split the response or make Node throw. The status still goes out.
  const message = 'http-problems: Location dropped, the value cannot be sent as a header'
  const logger = requestLogger(response.req, undefined)
  if (logger !== undefined) logger.warn({ droppedHeaders: ['location'] }, message)
  else process.emitWarning(message, { code: 'HTTP_PROBLEMS_LOCATION_DROPPED' })
}
