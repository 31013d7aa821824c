// The map option through both adapters, one case table: the same thrown value gives the same
// answer and the same log line in Fastify and Express; a failing rule is logged once and skipped.
import express from 'express'
import request from 'supertest'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Conflict, NotFound, ServiceUnavailable, UsageError, type ProblemRule } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { problemRule } from '../../src/mapping/index.js'
import { buildApp, problemLogs, type LogLine } from '../fastify/helpers.js'
import { memoryLogger } from '../express/helpers.js'

class DuplicateEmail extends Error {
  constructor(readonly email: string) {
    super(`duplicate key ${email}`)
  }
}

interface Answer {
  status: number
  body: Record<string, any>
  logs: LogLine[]
}

type Adapter = (map: readonly ProblemRule[], thrown: () => unknown) => Promise<Answer>

const viaFastify: Adapter = async (map, thrown) => {
  const { app, logs } = await buildApp({ map })
  app.get('/', async () => { throw thrown() })
  const first = await app.inject('/')
  const second = await app.inject('/')
  await app.close()
  expect(second.statusCode).toBe(first.statusCode)
  return { status: first.statusCode, body: first.json(), logs }
}

const viaExpress: Adapter = async (map, thrown) => {
  const { logger, logs } = memoryLogger()
  const app = express()
  app.get('/', async () => { throw thrown() })
  app.use(expressProblems({ map, logger }).errorHandler)
  const first = await request(app).get('/')
  const second = await request(app).get('/')
  expect(second.status).toBe(first.status)
  return { status: first.status, body: first.body as Record<string, any>, logs }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each([
  ['Fastify', viaFastify],
  ['Express', viaExpress],
])('%s', (_adapter, answer) => {
  it('a class rule answers; the body has only the mapped problem, the log the original as cause', async () => {
    const map = [problemRule({ match: DuplicateEmail, problem: (error) => new Conflict({ detail: 'That email is taken.', cause: error }) })]
    const { status, body, logs } = await answer(map, () => new DuplicateEmail('ada@example.com'))
    expect(status).toBe(409)
    expect(body).toMatchObject({ status: 409, detail: 'That email is taken.', code: 'CONFLICT' })
    expect(JSON.stringify(body)).not.toContain('ada@example.com')
    const line = problemLogs(logs)[0]!
    expect(line.cause).toMatchObject({ type: 'DuplicateEmail', message: 'duplicate key ada@example.com' })
    expect(line.cause.stack).toMatch(/\n\s+at /)
  })

  it('a mapped 5xx logs the original as cause instead of err', async () => {
    const map = [problemRule({ match: RangeError, problem: (error) => new ServiceUnavailable({ retryAfter: 5, cause: error }) })]
    const { status, logs } = await answer(map, () => new RangeError('pool exhausted'))
    expect(status).toBe(503)
    const line = problemLogs(logs)[0]!
    expect(line.cause).toMatchObject({ type: 'RangeError', message: 'pool exhausted' })
    expect(line.err).toBeUndefined()
  })

  it('a rule that throws is skipped and logged once, whatever the number of requests', async () => {
    const broken: ProblemRule = { match: () => true, problem: () => { throw new Error('rule bug') } }
    const { status, body, logs } = await answer([broken], () => new DuplicateEmail('ada@example.com'))
    expect(status).toBe(500)
    expect(JSON.stringify(body)).not.toContain('rule bug')
    const faults = logs.filter((line) => typeof line.msg === 'string' && line.msg.includes('mapping rule map[0] threw'))
    expect(faults).toHaveLength(1)
    expect(faults[0]).toMatchObject({ level: 50, err: { message: 'rule bug' } })
    // The 500 itself is logged as usual, with the thrown error as err (nothing was mapped).
    expect(problemLogs(logs).every((line) => line.err?.message === 'duplicate key ada@example.com' && line.cause === undefined)).toBe(true)
  })

  it('HTTP errors pass a catch-all rule untouched', async () => {
    const { status, body } = await answer([{ match: () => true, problem: new Conflict() }], () => new NotFound('No such user'))
    expect(status).toBe(404)
    expect(body.detail).toBe('No such user')
  })

  it('a non-matching value is answered as before, with no cause in the line', async () => {
    const { status, logs } = await answer([{ match: DuplicateEmail, problem: new Conflict() }], () => new Error('boom'))
    expect(status).toBe(500)
    expect(problemLogs(logs)[0]).toMatchObject({ err: { message: 'boom' } })
    expect(problemLogs(logs)[0]!.cause).toBeUndefined()
  })
})

describe('options', () => {
  it('both adapters refuse a bad map at registration, naming the rule', async () => {
    expect(() => expressProblems({ map: [{ match: Error }] as unknown as ProblemRule[] })).toThrow(UsageError)
    await expect(buildApp({ map: [{ match: 'Error', problem: new Conflict() }] as unknown as ProblemRule[] })).rejects.toThrow('option "map[0].match"')
  })

  it('Express without a logger: a failing rule leaves a process warning instead', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const app = express()
    app.get('/', async () => { throw new Error('x') })
    app.use(expressProblems({ map: [{ match: () => { throw new Error('bug') }, problem: new Conflict() }] }).errorHandler)
    expect((await request(app).get('/')).status).toBe(500)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('mapping rule map[0] threw'), { code: 'HTTP_PROBLEMS_MAPPING_RULE_FAULT' })
  })
})
