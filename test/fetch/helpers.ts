/** Servers on 127.0.0.1 for the Hono and Koa tests, closed after each test. */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterEach } from 'vitest'

const open = new Set<Server>()

afterEach(async () => {
  const closing = [...open].map((server) => {
    server.closeAllConnections()
    return new Promise((resolve) => server.close(resolve))
  })
  open.clear()
  await Promise.all(closing)
})

/** `server` once it listens; it is closed after the test. */
export async function listening(server: Server): Promise<Server> {
  open.add(server)
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
  return server
}

/** The base URL of `fetch` served on an ephemeral port through @hono/node-server. */
export async function served(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  const server = await listening(serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
