/**
 * The docs for Express: a middleware that answers GET and HEAD under the docs path from the
 * documents made when `problems()` was called, with the bytes and headers the Fastify plugin
 * sends. Anything else goes on to the next middleware; a 406 goes to the error handler.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { docsAnswer } from '../docs/answer.js'
import type { DocsSite } from '../docs/site.js'

/** The middleware serving `site`. */
export function docsMiddleware(site: DocsSite): RequestHandler {
  return function problemDocs(request: Request, response: Response, next: NextFunction): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      next()
      return
    }
    const answer = docsAnswer(site, request.originalUrl, request.headers.accept, request.headers['accept-language'])
    if (answer === undefined) {
      next()
      return
    }
    if ('problem' in answer) {
      next(answer.problem)
      return
    }
    response.status(200).set(answer.headers).send(answer.body)
  }
}
