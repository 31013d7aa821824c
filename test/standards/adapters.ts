// Both adapters, serving the same throwing routes with the same options over real sockets, so a
// test can hold each to the same expectation (one case table, every adapter).
import type { Server } from 'node:http'
import express from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyProblems, { type ProblemsOptions } from '../../src/index.js'
import { problems } from '../../src/express/index.js'
import { closeAll, listen } from '../express/helpers.js'

/** A listening server per adapter. */
export interface Adapters {
  servers: { name: 'fastify' | 'express'; server: Server }[]
  close(): Promise<void>
}

/**
 * Serves `routes` (path → what the route throws) from Fastify and from Express with `options`;
 * every other path is answered by each adapter's not-found handling.
 */
export async function serveBoth(routes: Record<string, () => unknown>, options: ProblemsOptions = {}): Promise<Adapters> {
  const fastify: FastifyInstance = Fastify()
  await fastify.register(fastifyProblems, options)
  const app = express()
  const { errorHandler, notFound } = problems(options)
  for (const [path, thrown] of Object.entries(routes)) {
    fastify.get(path, async () => {
      throw thrown()
    })
    app.get(path, async () => {
      throw thrown()
    })
  }
  app.use(notFound)
  app.use(errorHandler)
  await fastify.listen({ port: 0, host: '127.0.0.1' })
  const expressServer = await listen(app)
  return {
    servers: [
      { name: 'fastify', server: fastify.server },
      { name: 'express', server: expressServer },
    ],
    async close() {
      await fastify.close()
      await closeAll()
    },
  }
}
