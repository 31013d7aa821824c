/**
 * The `docs` option for Fastify: GET (and HEAD) routes under the docs path that answer from the
 * documents made at registration. A path under it that names no type is a 404 problem, an
 * `Accept` that admits neither form a 406 problem, both rendered by the plugin like any other.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import { NotFound } from '../classes.js'
import { docsAnswer } from '../docs/answer.js'
import type { DocsSite } from '../docs/site.js'

/** Adds the docs routes for `site`. */
export function serveDocs(fastify: FastifyInstance, site: DocsSite): void {
  function answerDocs(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const answer = docsAnswer(site, request.url, request.headers.accept, request.headers['accept-language'])
    if (answer === undefined) throw new NotFound()
    if ('problem' in answer) throw answer.problem
    return reply.code(200).headers(answer.headers).send(answer.body)
  }
  // The wildcard also matches `/problems/`, and never clashes with `/problems` when the router
  // ignores trailing slashes; `docsAnswer` decides what each path names.
  // `hide`: @fastify/swagger leaves the docs routes out of the API's own OpenAPI document.
  for (const url of [site.path, `${site.path}/*`]) fastify.get(url, { schema: { hide: true } as FastifySchema }, answerDocs)
}
