// Bad input, part 1: every kind of thrown value gets a problem response and one log line, and
// the server keeps serving. Values come from hostile-values.ts; each carries a secret that must
// never reach the body.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalize, renderProblem } from '../../src/index.js'
import { buildApp, expectProblem, linesFor, secret, type CapturedLogs } from './helpers.js'
import { HOSTILE_CASES } from './hostile-values.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

let app: FastifyInstance
let logs: CapturedLogs
const SECRET = secret()

const SETTINGS = DEFAULT_RENDER_SETTINGS

beforeAll(async () => {
  ;({ app, logs } = await buildApp())
  HOSTILE_CASES.forEach(([, make], index) => {
    app.get(`/async/${index}`, async () => {
      throw make(SECRET)
    })
    app.get(`/sync/${index}`, () => {
      throw make(SECRET)
    })
    app.get(`/reject/${index}`, () => Promise.reject(make(SECRET)))
    app.get(`/callback/${index}`, (_request, reply) => {
      reply.send(make(SECRET) as Error)
    })
  })
  app.get('/ok', async () => ({ ok: true }))
})

afterAll(async () => {
  await app.close()
})

describe('normalize and render never throw, whatever was thrown', () => {
  it.each(HOSTILE_CASES)('%s', (_label, make, status) => {
    const thrown = make(SECRET)
    const problem = normalize(thrown)
    const rendered = renderProblem(problem, { method: 'GET', url: '/x', correlationId: 'id-1' }, SETTINGS)
    expect(rendered.status).toBe(status)
    expect(rendered.body).not.toContain(SECRET)
    expect(JSON.parse(rendered.body!).status).toBe(status)
  })
})

/** `reply.send(value)` is an error only for Error instances; any other value is a payload. */
function isErrorCase(make: (secret: string) => unknown): boolean {
  try {
    return make(SECRET) instanceof Error
  } catch {
    return false
  }
}

const STYLES = [
  ['async', HOSTILE_CASES],
  ['sync', HOSTILE_CASES],
  ['reject', HOSTILE_CASES],
  ['callback', HOSTILE_CASES.filter(([, make]) => isErrorCase(make))],
] as const

describe.each(STYLES)('a %s route that throws', (style, cases) => {
  it.each(cases.map((entry) => [...entry, HOSTILE_CASES.indexOf(entry)] as const))(
    '%s: a problem response, one log line, no secret',
    async (_label, _make, status, index) => {
      const response = await app.inject({ method: 'GET', url: `/${style}/${index}` })
      const body = expectProblem(response, status)
      expect(response.body).not.toContain(SECRET)
      expect(linesFor(logs, body.correlationId)).toHaveLength(1)
      if (status >= 500) expect(body.detail).toMatch(/Quote the correlationId/)
    },
  )
})

describe('after all of that', () => {
  it('the server is still serving', async () => {
    const response = await app.inject({ method: 'GET', url: '/ok' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
  })

  it('no log line is longer than a few kilobytes (a 4 MB thrown string is cut)', () => {
    const longest = Math.max(...logs.text.map((line) => line.length))
    expect(longest).toBeLessThan(64 * 1024)
  })

  it('a thrown value that defeats the renderer is logged with the reason', async () => {
    const index = HOSTILE_CASES.findIndex(([label]) => label.startsWith('a branded object'))
    const response = await app.inject({ method: 'GET', url: `/async/${index}` })
    const body = expectProblem(response, 500)
    const [line] = linesFor(logs, body.correlationId)
    expect(line?.fault ?? line?.renderFault).toMatch(/getter/)
  })
})
