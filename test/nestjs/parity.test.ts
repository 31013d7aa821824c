/**
 * One case table through NestJS on each platform and through the plain adapter of that platform
 * (the Express middleware, the Fastify plugin), over real sockets: the status, the headers that
 * matter and the body bytes must be identical. A case either throws the same value everywhere, or
 * throws a Nest exception in Nest and its plain equivalent elsewhere. Differences are listed by
 * name in `DIFFERENCES` (and in the README), and each is checked to still hold, never skipped.
 */
import 'reflect-metadata'
import type { Server } from 'node:http'
import { BadRequestException, ConflictException, Controller, Get, HttpException, InternalServerErrorException, MethodNotAllowedException, Module, NotFoundException, Param, Post, Res, UnauthorizedException } from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter } from '@nestjs/platform-fastify'
import type { INestApplication } from '@nestjs/common'
import Boom from '@hapi/boom'
import createError from 'http-errors'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frameworkErrors, BadRequest, Conflict, NotFound, TooManyRequests, UpgradeRequired } from '../../src/index.js'
import { ProblemFilter } from '../../src/nestjs/index.js'
import { startPlainAdapters, type PlainAdapters } from '../fixtures/plain-adapters.js'
import { PLATFORMS, type Platform } from './app.js'

interface Case {
  name: string
  status: number
  method?: 'GET' | 'HEAD' | 'POST' | 'DELETE' | 'PATCH'
  path?: string
  headers?: Record<string, string>
  body?: string
  replyHeaders?: Record<string, string>
  /** Thrown in every app. */
  thrown?: () => unknown
  /** Thrown by the Nest app instead, when it differs from `thrown` (a Nest exception). */
  nest?: () => unknown
}

const validationTree = () => [
  { property: 'name', value: 7, constraints: { isString: 'name must be a string' }, children: [] },
  { property: 'address', value: {}, children: [{ property: 'city', value: 5, constraints: { isString: 'city must be a string' }, children: [] }] },
]
const sameIssuesFromAjv = () =>
  Object.assign(new Error('body/name must be a string'), {
    statusCode: 400,
    validation: [
      { instancePath: '/name', message: 'name must be a string', params: {} },
      { instancePath: '/address/city', message: 'city must be a string', params: {} },
    ],
    validationContext: 'body',
  })

const CASES: Case[] = [
  { name: 'NotFoundException with a message', status: 404, nest: () => new NotFoundException('No such thing'), thrown: () => new NotFound('No such thing') },
  { name: 'NotFoundException without one', status: 404, nest: () => new NotFoundException(), thrown: () => new NotFound() },
  { name: 'UnauthorizedException gets the default challenge', status: 401, nest: () => new UnauthorizedException(), thrown: () => createError(401) },
  { name: 'HttpException 429 gets Retry-After', status: 429, nest: () => new HttpException('Slow down', 429), thrown: () => createError(429, 'Slow down') },
  { name: 'MethodNotAllowedException gets Allow from the router', status: 405, nest: () => new MethodNotAllowedException(), thrown: () => createError(405) },
  { name: 'InternalServerErrorException hides its message', status: 500, nest: () => new InternalServerErrorException('db password is hunter2'), thrown: () => createError(500, 'db password is hunter2') },
  { name: 'ConflictException with a cause', status: 409, nest: () => new ConflictException('Taken', { cause: new Error('users_email_key') }), thrown: () => new Conflict({ detail: 'Taken' }) },
  { name: 'errorCode as code', status: 400, nest: () => new BadRequestException('Bad thing', { errorCode: 'BAD_THING' }), thrown: () => new BadRequest({ detail: 'Bad thing', code: 'BAD_THING' }) },
  { name: 'class-validator tree as Ajv issues', status: 400, nest: validationTree, thrown: sameIssuesFromAjv },
  { name: 'our own class', status: 429, thrown: () => new TooManyRequests({ detail: 'Later', retryAfter: 7 }) },
  { name: 'http-errors 404', status: 404, thrown: () => createError(404, 'No such thing') },
  { name: 'boom 403', status: 403, thrown: () => Boom.forbidden('Nope') },
  { name: 'plain Error', status: 500, thrown: () => new Error('secret') },
  { name: 'a thrown string', status: 500, thrown: () => 'a string' },
  { name: 'validation-like error', status: 400, thrown: sameIssuesFromAjv },
  { name: 'Accept: application/json', status: 404, headers: { accept: 'application/json' }, thrown: () => createError(404) },
  { name: 'HEAD of a throwing route', status: 404, method: 'HEAD', nest: () => new NotFoundException('Gone fishing'), thrown: () => createError(404, 'Gone fishing') },
  {
    name: 'content headers the route set are removed',
    status: 500,
    replyHeaders: { 'content-disposition': 'attachment; filename="a.csv"', etag: '"v1"', 'cache-control': 'public, max-age=60' },
    thrown: () => new Error('boom'),
  },
  { name: 'Vary merged with the reply', status: 400, replyHeaders: { vary: 'Origin' }, nest: () => new BadRequestException(), thrown: () => createError(400) },
  { name: '426 and Connection: close', status: 426, headers: { connection: 'close' }, thrown: () => new UpgradeRequired({ upgrade: 'h2c' }) },
  { name: '404 unknown path', status: 404, path: '/nowhere?secret=1' },
  { name: '404 HEAD unknown path', status: 404, method: 'HEAD', path: '/nowhere' },
  { name: '405 known path', status: 405, method: 'DELETE', path: '/resource' },
  { name: '405 parametric path', status: 405, method: 'PATCH', path: '/items/42' },
  { name: '405 with traceparent as the id', status: 405, method: 'POST', path: '/items/7', headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } },
  { name: 'a path parameter that does not decode', status: 400, path: '/items/%E0%A4%A' },
  { name: 'a body too large for the parser', status: 413, method: 'POST', path: '/resource', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ big: 'x'.repeat(2_000_000) }) },
  { name: 'malformed JSON body', status: 400, method: 'POST', path: '/resource', headers: { 'content-type': 'application/json' }, body: '{"name":' },
]

/**
 * Where Nest answers differently from the plain adapter, by case name and platform, and why.
 * Each entry is checked to still differ (see the test), so a fixed difference is noticed.
 */
const DIFFERENCES: Partial<Record<Platform, Record<string, string>>> = {}

const COMPARED_HEADERS = ['content-type', 'content-length', 'x-correlation-id', 'allow', 'www-authenticate', 'retry-after', 'upgrade', 'vary', 'cache-control', 'connection', 'content-disposition', 'etag']

const routeOf = (index: number) => `/cases/${index}`
const caseAt = (index: string): Case => CASES[Number(index)]!

function setReplyHeaders(response: unknown, headers: Record<string, string>): void {
  const target = response as { setHeader?: (name: string, value: string) => void; header: (name: string, value: string) => void }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof target.setHeader === 'function') target.setHeader(name, value)
    else target.header(name, value)
  }
}

@Controller()
class CasesController {
  @Get('cases/:index')
  throwCase(@Param('index') index: string, @Res({ passthrough: true }) response: unknown): never {
    const testCase = caseAt(index)
    setReplyHeaders(response, testCase.replyHeaders ?? {})
    throw (testCase.nest ?? testCase.thrown!)()
  }

  @Get('resource') getResource(): string { return 'ok' }
  @Post('resource') postResource(): string { return 'ok' }
  @Get('items/:id') getItem(): string { return 'ok' }
}

@Module({ controllers: [CasesController] })
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a Nest module is an empty class its decorator describes
class CasesModule {}

const servers: Partial<Record<`${'nest' | 'plain'}-${Platform}`, Server>> = {}
let nestApps: INestApplication[] = []
let plain: PlainAdapters

beforeAll(async () => {
  for (const platform of PLATFORMS) {
    const app = platform === 'fastify'
      ? await NestFactory.create(CasesModule, new FastifyAdapter({ frameworkErrors }), { logger: false })
      : await NestFactory.create(CasesModule, { logger: false })
    app.useGlobalFilters(new ProblemFilter())
    await app.listen(0, '127.0.0.1')
    nestApps.push(app)
    servers[`nest-${platform}`] = app.getHttpServer()
  }
  // Errors Fastify meets before routing reach neither the plugin nor Nest without this option.
  plain = await startPlainAdapters(CASES, routeOf, { fastifyOptions: { frameworkErrors }, jsonBodies: true })
  servers['plain-fastify'] = plain.fastifyServer
  servers['plain-express'] = plain.expressServer
})

afterAll(async () => {
  await Promise.all(nestApps.map((app) => app.close()))
  nestApps = []
  await plain.close()
})

async function send(server: Server, testCase: Case, index: number) {
  const method = (testCase.method ?? 'GET').toLowerCase() as 'get' | 'head' | 'post' | 'delete' | 'patch'
  const headers: Record<string, string> = { 'x-correlation-id': `parity-${index}`, ...testCase.headers }
  if (headers.traceparent !== undefined) delete headers['x-correlation-id']
  let pending = request(server)[method](testCase.path ?? routeOf(index)).set(headers)
  if (testCase.body !== undefined) pending = pending.send(testCase.body)
  const response = await pending
  const picked: Record<string, unknown> = {}
  for (const name of COMPARED_HEADERS) if (name in response.headers) picked[name] = response.headers[name]
  return { status: response.status, headers: picked, body: response.text ?? '' }
}

describe.each(PLATFORMS)('NestJS on %s answers as the plain adapter does', (platform) => {
  it.each(CASES.map((testCase, index) => [testCase.name, testCase, index] as const))('%s', async (name, testCase, index) => {
    const viaNest = await send(servers[`nest-${platform}`]!, testCase, index)
    const viaPlain = await send(servers[`plain-${platform}`]!, testCase, index)
    expect(viaPlain.status).toBe(testCase.status)
    expect(viaPlain.headers['content-type']).toMatch(/^application\/(problem\+)?json$/)
    const difference = DIFFERENCES[platform]?.[name]
    if (difference === undefined) expect(viaNest).toEqual(viaPlain)
    else expect(viaNest, `listed difference no longer holds: ${difference}`).not.toEqual(viaPlain)
  })

  it('lists differences of cases that exist only', () => {
    for (const name of Object.keys(DIFFERENCES[platform] ?? {})) expect(CASES.map((testCase) => testCase.name)).toContain(name)
  })
})
