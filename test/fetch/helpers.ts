/** Serving a Hono app (or any fetch handler) on 127.0.0.1, through @hono/node-server. */
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

/** The base URL of `fetch` served on an ephemeral port; closed after the test. */
export async function served(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server
  open.add(server)
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
