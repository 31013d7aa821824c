// The raw log line each adapter writes for one thrown value, with pino writing to memory, as in a
// service. Free of vitest so that a worker thread (log-budget-worker.ts) can run it too.
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import express from 'express'
import Fastify, { LogController } from 'fastify'
import pino from 'pino'
import problems from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'

export const ADAPTERS = ['fastify', 'express'] as const
export type Adapter = (typeof ADAPTERS)[number]

/** The lines a pino logger wrote, raw. */
function memoryStream(): { stream: Writable; lines: string[] } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line !== '') lines.push(line)
      callback()
    },
  })
  return { stream, lines }
}

/** The one problem line `adapter` logs when a route throws `thrown`, as pino wrote it. */
export async function logLineOf(adapter: Adapter, thrown: unknown): Promise<string> {
  const { stream, lines } = memoryStream()
  if (adapter === 'fastify') await throughFastify(stream, thrown)
  else await throughExpress(stream, thrown)
  const problemLines = lines.filter((line) => line.includes('"correlationId"'))
  if (problemLines.length !== 1) throw new Error(`expected one problem line, got ${problemLines.length}`)
  return problemLines[0]!
}

async function throughFastify(stream: Writable, thrown: unknown): Promise<void> {
  const app = Fastify({ logger: { level: 'info', stream }, logController: new LogController({ disableRequestLogging: true }) })
  await app.register(problems)
  app.get('/fail', async () => {
    throw thrown
  })
  try {
    await app.inject({ method: 'GET', url: '/fail' })
  } finally {
    await app.close()
  }
}

async function throughExpress(stream: Writable, thrown: unknown): Promise<void> {
  const app = express()
  app.get('/fail', () => {
    throw thrown
  })
  const { errorHandler, notFound } = expressProblems({ logger: pino({ level: 'info' }, stream) })
  app.use(notFound)
  app.use(errorHandler)
  const server = app.listen(0, '127.0.0.1')
  try {
    await once(server, 'listening')
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fail`)
    await response.arrayBuffer()
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}
