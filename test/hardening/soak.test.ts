// The soak's small version, in npm test: 5,000 failing requests of mixed kinds over real sockets
// (the mix of bench/soak.app.ts). Every response must be a problem, every correlation id unique,
// and nothing may reject unhandled. The full run is `npm run bench:soak` (see BENCHMARKS.md).
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSoakApp, SOAK_REQUESTS } from '../../bench/soak.app.js'
import { soakPass, type SoakPass } from '../../bench/soak.load.js'

const REQUESTS = 5_000

let app: FastifyInstance
let pass: SoakPass
let reported = 0
const rejections: unknown[] = []
const onRejection = (reason: unknown): void => void rejections.push(reason)

beforeAll(async () => {
  process.on('unhandledRejection', onRejection)
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() })
  app = await buildSoakApp(sink, () => void (reported += 1))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  pass = await soakPass(`http://127.0.0.1:${port}`, REQUESTS, 8, true)
}, 60_000)

afterAll(async () => {
  await app.close()
  process.off('unhandledRejection', onRejection)
})

describe(`soak: ${REQUESTS} failing requests of ${SOAK_REQUESTS.length} kinds`, () => {
  it('every request got a response, without connection errors', () => {
    expect(pass.responses).toBe(REQUESTS)
    expect(pass.errors).toBe(0)
  })

  it('zero non-problem responses', () => {
    expect(Object.fromEntries(pass.nonProblems)).toEqual({})
  })

  it('every correlation id is unique', () => {
    expect(pass.correlationIds).toHaveLength(REQUESTS)
    expect(new Set(pass.correlationIds).size).toBe(REQUESTS)
  })

  it('onProblem saw every problem, and nothing rejected unhandled', () => {
    expect(reported).toBe(REQUESTS)
    expect(rejections).toEqual([])
  })
})
