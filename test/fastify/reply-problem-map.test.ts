/**
 * `reply.problem(status, options)` meets the `map` rules as `reply.problem(instance)` and `throw`
 * do: a rule that names problems (`match: NotFound`, `httpErrors: true`) maps it, whether or not
 * `onProblem` is set; a rule that does not name them leaves it alone.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import problems, { Gone, NotFound, type ProblemRule, type ProblemsOptions } from '../../src/index.js'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})

/** The status of each way to answer a 404 on an app with `options`. */
async function statuses(options: ProblemsOptions): Promise<Record<string, number>> {
  const app = Fastify()
  apps.push(app)
  await app.register(problems, options)
  app.get('/status', async (_request, reply) => reply.problem(404, 'No such order'))
  app.get('/instance', async (_request, reply) => reply.problem(new NotFound('No such order')))
  app.get('/thrown', async () => {
    throw new NotFound('No such order')
  })
  const answers: Record<string, number> = {}
  for (const way of ['status', 'instance', 'thrown']) answers[way] = (await app.inject(`/${way}`)).statusCode
  return answers
}

const toGone = new Gone({ detail: 'Orders are archived after a year' })
// A predicate rule for other errors, before the one that names problems: only the latter may match.
const unrelated: ProblemRule = { match: (thrown) => thrown instanceof TypeError, problem: new Gone() }
const WITH_ON_PROBLEM = { onProblem: () => undefined }

describe('reply.problem(status) and the map rules', () => {
  it.each([
    ['a class rule naming the problem', { map: [unrelated, { match: NotFound, problem: toGone }] }],
    ['a class rule naming the problem, with onProblem', { map: [unrelated, { match: NotFound, problem: toGone }], ...WITH_ON_PROBLEM }],
    ['a predicate rule offered HTTP errors', { map: [unrelated, { match: (thrown: unknown) => thrown instanceof NotFound, problem: toGone, httpErrors: true }] }],
  ] as [string, ProblemsOptions][])('is mapped by %s, as an instance and a throw are', async (_case, options) => {
    expect(await statuses(options)).toEqual({ status: 410, instance: 410, thrown: 410 })
  })

  it.each([
    ['no rules', {}],
    ['a rule that does not name problems', { map: [unrelated, { match: (thrown: unknown) => thrown instanceof NotFound, problem: toGone }] }],
  ] as [string, ProblemsOptions][])('is left alone with %s, as an instance and a throw are', async (_case, options) => {
    expect(await statuses(options)).toEqual({ status: 404, instance: 404, thrown: 404 })
  })
})
