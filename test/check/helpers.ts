/**
 * The services the check command is pointed at in tests, each on 127.0.0.1 port 0, and a way to
 * run the command in-process with captured output.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTcpServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import express from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import problems, { UnsupportedMediaType } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { main } from '../../src/cli/main.js'

/** A running service: its base URL, what reached it, and how to stop it. */
export interface Service {
  readonly url: string
  /** `METHOD path` of every request that reached the service. */
  readonly requests: string[]
  /** How many times the POST /users handler ran (it must never run: no probe may change data). */
  readonly created: { count: number }
  close(): Promise<void>
}

/** A Fastify service with the plugin: GET /users/:id, POST /users. */
export async function fastifyWithPlugin(): Promise<Service> {
  const app = Fastify()
  await app.register(problems)
  return listenFastify(app)
}

/** The same routes on plain Fastify, without the library. */
export async function plainFastify(): Promise<Service> {
  return listenFastify(Fastify())
}

async function listenFastify(app: FastifyInstance): Promise<Service> {
  const requests: string[] = []
  const created = { count: 0 }
  app.addHook('onRequest', async (request) => {
    requests.push(`${request.method} ${request.url}`)
  })
  app.get('/users/:id', async () => ({ id: 1 }))
  app.post('/users', async () => {
    created.count++
    return { id: 2 }
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { url, requests, created, close: () => app.close() }
}

/** An Express 5 service with the adapter; the POST route accepts only JSON, as real ones do. */
export async function expressWithAdapter(): Promise<Service> {
  const { errorHandler, notFound } = expressProblems()
  return listenExpress((app, created) => {
    app.post('/users', (req, res) => {
      if (!req.is('application/json')) throw new UnsupportedMediaType({ accept: ['application/json'] })
      created.count++
      res.status(201).json({ id: 2 })
    })
  }, (app) => app.use(notFound, errorHandler))
}

/** The same routes on plain Express. */
export async function plainExpress(): Promise<Service> {
  return listenExpress((app, created) => {
    app.post('/users', (_req, res) => {
      created.count++
      res.status(201).json({ id: 2 })
    })
  }, () => undefined)
}

type Express = ReturnType<typeof express>

async function listenExpress(addPost: (app: Express, created: { count: number }) => void, addLast: (app: Express) => void): Promise<Service> {
  const requests: string[] = []
  const created = { count: 0 }
  const app = express()
  app.use((req, _res, next) => {
    requests.push(`${req.method} ${req.originalUrl}`)
    next()
  })
  app.use(express.json())
  app.get('/users/:id', (_req, res) => {
    res.json({ id: 1 })
  })
  addPost(app, created)
  addLast(app)
  return listenNode(createHttpServer(app), requests, created)
}

/** A plain Node server that answers every request with `handler`. */
export async function nodeService(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Service> {
  const requests: string[] = []
  const server = createHttpServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    handler(request, response)
  })
  return listenNode(server, requests, { count: 0 })
}

/** A TCP server that does `onSocket` with every connection (never answers, resets...). */
export async function tcpService(onSocket: (socket: Socket) => void): Promise<Service> {
  const sockets = new Set<Socket>()
  const server = createTcpServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined) // a reset or a destroyed socket is the point of these services
    socket.on('close', () => sockets.delete(socket))
    onSocket(socket)
  })
  const service = await listenNode(server, [], { count: 0 })
  return {
    ...service,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return service.close()
    },
  }
}

async function listenNode(server: Server | ReturnType<typeof createHttpServer>, requests: string[], created: { count: number }): Promise<Service> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    created,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** What one command run printed and returned. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `http-problems ...args` in-process. */
export async function runCli(args: readonly string[], options: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  })
  return { code, stdout, stderr }
}

/** The output with the service's URL replaced, so snapshots do not depend on the port. */
export function stable(text: string, service: Service): string {
  return text.split(service.url).join('http://127.0.0.1:<port>')
}
