import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import type { Server } from 'node:http'
import express, { type Express } from 'express'
import pino from 'pino'
import { problems, type ExpressProblemsOptions } from '../../src/express/index.js'

/** A log line as pino writes it. */
export type LogLine = Record<string, any>

/** A pino logger at trace level whose lines the test can read. */
export function memoryLogger(): { logger: pino.Logger; logs: LogLine[] } {
  const logs: LogLine[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line !== '') logs.push(JSON.parse(line))
      callback()
    },
  })
  return { logger: pino({ level: 'trace' }, stream), logs }
}

/** The log lines written for problems (they all carry a correlation id). */
export function problemLogs(logs: LogLine[]): LogLine[] {
  return logs.filter((line) => 'correlationId' in line)
}

/** Servers opened by a test file, closed by `closeAll` in its `afterEach`/`afterAll`. */
const open = new Set<Server>()

/** Listens on 127.0.0.1, on a port the system picks; the server is closed by `closeAll`. */
export async function listen(app: Express): Promise<Server> {
  const server = app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  open.add(server)
  return server
}

/** Closes every server `listen` opened, dropping idle keep-alive connections. */
export async function closeAll(): Promise<void> {
  const closing = [...open].map((server) => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  open.clear()
  await Promise.all(closing)
}

/** The port a listening server is on. */
export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}

/**
 * An Express app with a logger option, `routes` mounted, then `notFound` and `errorHandler`.
 */
export async function serve(
  routes: (app: Express) => void,
  options: ExpressProblemsOptions = {},
): Promise<{ server: Server; logs: LogLine[] }> {
  const { logger, logs } = memoryLogger()
  const app = express()
  const { errorHandler, notFound } = problems({ logger, ...options })
  routes(app)
  app.use(notFound)
  app.use(errorHandler)
  return { server: await listen(app), logs }
}
