/**
 * The `docs` option for Fastify: GET (and HEAD) routes under the docs path that answer from the
 * documents made at registration. A path under it that names no type is a 404 problem, an
 * `Accept` that admits neither form a 406 problem, both rendered by the plugin like any other.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFound } from '../classes.js'
import { docsAnswer } from '../docs/answer.js'
import type { DocsSite } from '../docs/site.js'

/** Adds the docs routes for `site`. */
export function serveDocs(fastify: FastifyInstance, site: DocsSite): void {
  function answerDocs(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const answer = docsAnswer(site, request.url, request.headers.accept)
    if (answer === undefined) throw new NotFound()
    if ('problem' in answer) throw answer.problem
    return reply.code(200).headers(answer.headers).send(answer.body)
  }
  for (const url of [site.path, `${site.path}/`, `${site.path}/:name`]) {
    // With ignoreTrailingSlash the router already treats `/problems/` as `/problems`.
    if (!fastify.hasRoute({ method: 'GET', url })) fastify.get(url, answerDocs)
  }
}
