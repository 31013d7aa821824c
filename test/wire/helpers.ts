/**
 * Servers for the wire tests: each listens on 127.0.0.1, on a port the system picks, and is
 * closed by `closeServers` (called in `afterEach`).
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express, { type Express } from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyProblems, { type ProblemsOptions } from '../../src/index.js'
import { problems, type ExpressProblemsOptions } from '../../src/express/index.js'
import { expectProblem } from '../../src/testing/index.js'

const open: Array<() => Promise<void>> = []

/** A Fastify app with the plugin registered first; `setup` adds plugins and routes. Returns its base URL. */
export async function fastifyServer(
  setup: (app: FastifyInstance) => Promise<void> | void,
  options: ProblemsOptions = {},
): Promise<string> {
  const app = Fastify()
  await app.register(fastifyProblems, options)
  await setup(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  open.push(() => app.close())
  return baseUrl(app.server)
}

/** An Express app: `setup` adds middleware and routes, then `notFound` and `errorHandler`. Returns its base URL. */
export async function expressServer(setup: (app: Express) => void, options: ExpressProblemsOptions = {}): Promise<string> {
  const app = express()
  const { errorHandler, notFound } = problems(options)
  setup(app)
  app.use(notFound)
  app.use(errorHandler)
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  open.push(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return baseUrl(server)
}

/** Closes every server the test opened. */
export async function closeServers(): Promise<void> {
  await Promise.all(open.splice(0).map((close) => close()))
}

function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** `expectProblem` for a fetch `Response` (it reads supertest and inject responses): its headers and checked body. */
export async function problemOf(response: Response, status: number) {
  const text = await response.text()
  const headers = Object.fromEntries(response.headers)
  return { headers, body: expectProblem({ status: response.status, headers, text }, { status }) }
}
