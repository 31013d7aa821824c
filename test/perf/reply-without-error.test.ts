// `reply.problem(status, options)` answers a 4xx from the problem's members alone, without
// building an Error, when nothing could observe that Error. These tests hold it to the promise
// that makes this safe: the same checks, the same status, headers, body bytes and log line as
// answering with the class instance, and the real instance wherever it can be seen.
import { describe, expect, it } from 'vitest'
import { HttpProblem, NotFound, PROBLEM_CLASSES, STATUSES, UsageError, createProblem, type ProblemsOptions } from '../../src/index.js'
import { createProblemMembers } from '../../src/members.js'
import { buildApp, problemLogs } from '../fastify/helpers.js'
import { REQUIRED_FIELDS } from '../fixtures/every-class.js'
import { membersOf } from '../fixtures/members.js'

/** Options every class accepts (with its REQUIRED_FIELDS): a detail, an extension and a header. */
const OPTIONS = { detail: 'Something specific', extensions: { hint: 'x' }, headers: { 'x-extra': '1' } }

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string; log: Record<string, unknown> }

/** Answers `GET /x` once with the status and options, once with the class instance; returns both. */
async function bothWays(status: number, options: object, pluginOptions: ProblemsOptions = {}): Promise<[Answer, Answer]> {
  const { app, logs } = await buildApp(pluginOptions)
  app.get<{ Querystring: { via: string } }>('/x', async (request, reply) =>
    request.query.via === 'members' ? reply.problem(status as 404, options) : reply.problem(createProblem(status as 404, options)),
  )
  const answers: Answer[] = []
  for (const via of ['members', 'instance']) {
    logs.length = 0
    const response = await app.inject({ url: `/x?via=${via}`, headers: { 'x-correlation-id': 'cid-1' } })
    const [log] = problemLogs(logs)
    // The clock and the request id differ between any two requests; everything else must not.
    answers.push({
      statusCode: response.statusCode,
      headers: without(response.headers, ['date']),
      body: response.body,
      log: without(log ?? {}, ['time', 'reqId']),
    })
  }
  await app.close()
  return answers as [Answer, Answer]
}

describe('reply.problem(status, options) without an Error', () => {
  it.each(STATUSES.filter((entry) => entry.status < 500).map((entry) => [entry.status, entry.name] as const))(
    '%i %s: the same status, headers, body bytes and log line as the class instance',
    async (status) => {
      const [members, instance] = await bothWays(status, { ...OPTIONS, ...REQUIRED_FIELDS[status] })
      expect(members.statusCode).toBe(status)
      expect(members).toEqual(instance)
    },
  )

  it('answers statuses without a class (499) like createProblem does', async () => {
    const [members, instance] = await bothWays(499, OPTIONS)
    expect(members.statusCode).toBe(499)
    expect(members).toEqual(instance)
  })

  it('holds exactly the members createProblem gives, field headers included', () => {
    for (const { status, name } of STATUSES) {
      const options = { ...OPTIONS, ...REQUIRED_FIELDS[status] }
      const problem = new (PROBLEM_CLASSES[name] as unknown as new (options: object) => HttpProblem)(options)
      expect(createProblemMembers(status, options)).toEqual(membersOf(problem))
    }
  })

  it('refuses the same misuse with the same coded errors', () => {
    const misuses: [unknown, unknown][] = [
      [405, undefined], // the required allow is missing
      [429, 'a string cannot carry retryAfter'],
      [404, { detail: 42 }],
      [404, { extensions: [] }],
      [200, undefined],
      [404.5, undefined],
      ['404', undefined],
    ]
    for (const [status, options] of misuses) {
      const expected = captured(() => createProblem(status as 404, options as string))
      const actual = captured(() => createProblemMembers(status as number, options as string))
      expect(actual).toBeInstanceOf(UsageError)
      expect({ code: actual.code, message: actual.message }).toEqual({ code: expected.code, message: expected.message })
    }
  })

  it('lets a misuse fail the route like before: a 500 problem, logged with the UsageError', async () => {
    const { app, logs } = await buildApp()
    app.get('/x', async (_request, reply) => reply.problem(405 as 404))
    const response = await app.inject('/x')
    expect(response.statusCode).toBe(500)
    expect(problemLogs(logs)[0]?.err?.type).toBe('UsageError')
    await app.close()
  })
})

describe('reply.problem(status, options) still builds the Error wherever it can be observed', () => {
  it('hands onProblem the class instance', async () => {
    const seen: unknown[] = []
    const { app } = await buildApp({ onProblem: (problem) => void seen.push(problem) })
    app.get('/x', async (_request, reply) => reply.problem(404, 'No user 42'))
    await app.inject('/x')
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(NotFound)
    expect((seen[0] as NotFound).detail).toBe('No user 42')
    await app.close()
  })

  it('shows the instance stack with exposeStack', async () => {
    const { app } = await buildApp({ exposeStack: true })
    app.get('/x', async (_request, reply) => reply.problem(404, 'No user 42'))
    expect((await app.inject('/x')).json().stack).toBe('NotFound: No user 42')
    await app.close()
  })

  it('captures the stack when captureClientErrorStacks is on', async () => {
    HttpProblem.captureClientErrorStacks = true
    try {
      const { app } = await buildApp({ exposeStack: true })
      app.get('/x', async (_request, reply) => reply.problem(404, 'No user 42'))
      expect((await app.inject('/x')).json().stack).toMatch(/^NotFound: No user 42\n\s+at /)
      await app.close()
    } finally {
      HttpProblem.captureClientErrorStacks = false
    }
  })

  it('logs a 5xx with the instance as err, stack included', async () => {
    const { app, logs } = await buildApp()
    app.get('/x', async (_request, reply) => reply.problem(503, { detail: 'down', retryAfter: 5 }))
    const response = await app.inject('/x')
    expect(response.statusCode).toBe(503)
    const [line] = problemLogs(logs)
    expect(line?.err?.type).toBe('ServiceUnavailable')
    expect(line?.err?.stack).toMatch(/\n\s+at /)
    await app.close()
  })
})

function without(record: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)))
}

function captured(run: () => unknown): UsageError {
  try {
    run()
  } catch (error) {
    return error as UsageError
  }
  throw new Error('expected a throw')
}
