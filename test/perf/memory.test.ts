// "No per-error allocation that survives the request": after error answers are sent, nothing of
// them (the problem, what was thrown, the rendered body) is still reachable. Checked with WeakRefs
// and a forced full GC, for the throw path, the reply path and the 500 path.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import problems, { NotFound } from '../../src/index.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Lets pending ticks and timers run, so per-request bookkeeping (Node, Fastify) can finish. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10))
}

async function survivors(refs: WeakRef<object>[]): Promise<number> {
  await settle()
  gc()
  await settle()
  gc()
  return refs.filter((ref) => ref.deref() !== undefined).length
}

describe('memory', () => {
  it('keeps no thrown problem, reply-path problem or 500 cause once the responses are sent', async () => {
    const refs: WeakRef<object>[] = []
    const app = Fastify({ logger: { level: 'info', stream: { write: () => {} } } })
    await app.register(problems)
    app.get('/throw', async () => {
      const problem = new NotFound('No user 42')
      refs.push(new WeakRef(problem))
      throw problem
    })
    app.get('/reply', async (_request, reply) => {
      const problem = new NotFound('No user 42')
      refs.push(new WeakRef(problem))
      return reply.problem(problem)
    })
    app.get('/crash', async () => {
      const error = new Error('connection lost')
      refs.push(new WeakRef(error))
      throw error
    })

    for (let i = 0; i < 30; i++) {
      for (const url of ['/throw', '/reply', '/crash']) {
        const response = await app.inject(url)
        expect(response.statusCode).toBe(url === '/crash' ? 500 : 404)
      }
    }
    expect(refs).toHaveLength(90)
    expect(await survivors(refs)).toBe(0)
    await app.close()
  })
})
