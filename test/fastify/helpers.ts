import { Writable } from 'node:stream'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import problems, { type ProblemsOptions } from '../../src/index.js'

/** A log line as pino writes it. */
export type LogLine = Record<string, any>

/** A Fastify app with the plugin and a logger whose lines the test can read. */
export async function buildApp(
  options: ProblemsOptions = {},
  serverOptions: FastifyServerOptions = {},
): Promise<{ app: FastifyInstance; logs: LogLine[] }> {
  const logs: LogLine[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line !== '') logs.push(JSON.parse(line))
      callback()
    },
  })
  const app = Fastify({ logger: { level: 'trace', stream }, logController: new LogController({ disableRequestLogging: true }), ...serverOptions })
  await app.register(problems, options)
  return { app, logs }
}

/** The log lines written for problems. */
export function problemLogs(logs: LogLine[]): LogLine[] {
  // Every line of a request carries `correlationId` (the child logger's binding); a problem's line
  // is the one with the status.
  return logs.filter((line) => 'correlationId' in line && 'status' in line)
}
