// Type tests: what must compile, and (with @ts-expect-error) what must NOT.
import Fastify from 'fastify'
import { describe, expectTypeOf, it } from 'vitest'
import problems, {
  BadRequest,
  HttpProblem,
  MethodNotAllowed,
  NotFound,
  PayloadTooLarge,
  RangeNotSatisfiable,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UpgradeRequired,
  createProblem,
  defineProblem,
  isHttpProblem,
  type ProblemStatus,
} from '../src/index.js'

describe('literal status types', () => {
  it('gives each class its literal status', () => {
    expectTypeOf(new NotFound().status).toEqualTypeOf<404>()
    expectTypeOf(new NotFound().statusCode).toEqualTypeOf<404>()
    expectTypeOf(new TooManyRequests({ retryAfter: 1 }).status).toEqualTypeOf<429>()
    expectTypeOf(new PayloadTooLarge().status).toEqualTypeOf<413>()
    expectTypeOf(NotFound.status).toEqualTypeOf<404>()
    expectTypeOf(createProblem(409).status).toEqualTypeOf<409>()
    expectTypeOf<ProblemStatus>().toExtend<number>()
    expectTypeOf(new NotFound()).toExtend<Error>()
    const asType: NotFound = new NotFound()
    expectTypeOf(asType).toEqualTypeOf<HttpProblem<404>>()
  })

  it('narrows with instanceof and isHttpProblem', () => {
    const caught: unknown = new NotFound()
    if (caught instanceof NotFound) expectTypeOf(caught.status).toEqualTypeOf<404>()
    if (isHttpProblem(caught)) expectTypeOf(caught.status).toEqualTypeOf<number>()
  })
})

describe('constructor options', () => {
  it('accepts the documented forms', () => {
    new NotFound()
    new NotFound('detail')
    new NotFound({ detail: 'd', code: 'C', type: 'urn:x', title: 't', extensions: { id: 1 }, headers: { a: 'b' }, expose: true, cause: new Error() })
    new MethodNotAllowed({ allow: ['GET'] })
    new TooManyRequests({ retryAfter: new Date() })
    new ServiceUnavailable()
    new ServiceUnavailable({ retryAfter: 30 })
    new Unauthorized({ challenge: ['Bearer', 'Basic'] })
    new RangeNotSatisfiable({ size: 10 })
    new UpgradeRequired({ upgrade: 'h2c' })
    createProblem(405, { allow: ['GET'] })
    createProblem(499, 'unknown status still works')
  })

  it('rejects a missing required header field', () => {
    // @ts-expect-error 405 requires allow
    new MethodNotAllowed()
    // @ts-expect-error a string cannot carry allow
    new MethodNotAllowed('GET')
    // @ts-expect-error allow is a list
    new MethodNotAllowed({ allow: 'GET' })
    // @ts-expect-error 429 requires retryAfter
    new TooManyRequests({ detail: 'slow down' })
    // @ts-expect-error retryAfter is seconds or a Date
    new TooManyRequests({ retryAfter: '30' })
    // @ts-expect-error 416 requires size
    new RangeNotSatisfiable()
    // @ts-expect-error 426 requires upgrade
    new UpgradeRequired({})
    // @ts-expect-error createProblem checks the fields of the status too
    createProblem(405)
  })

  it('rejects options that belong to another status or have the wrong type', () => {
    // @ts-expect-error allow is not an option of 404
    new NotFound({ allow: ['GET'] })
    // @ts-expect-error detail is a string
    new BadRequest({ detail: 42 })
    // @ts-expect-error extensions cannot overwrite a standard member
    new NotFound({ extensions: { status: 200 } })
    // @ts-expect-error nor the correlation id
    new NotFound({ extensions: { correlationId: 'x' } })
    // @ts-expect-error the status is read-only
    new NotFound().status = 500
  })
})

describe('defineProblem', () => {
  const OutOfCredit = defineProblem<{ balance: number }, 403>({ name: 'OutOfCredit', status: 403, type: 'urn:out-of-credit', title: 'Out of credit' })

  it('types the extension members', () => {
    const problem = new OutOfCredit({ extensions: { balance: 30 } })
    expectTypeOf(problem.extensions.balance).toEqualTypeOf<number>()
    expectTypeOf(problem.status).toEqualTypeOf<403>()
  })

  it('requires them', () => {
    // @ts-expect-error extensions are required when they have required members
    new OutOfCredit()
    // @ts-expect-error balance is a number
    new OutOfCredit({ extensions: { balance: 'lots' } })
    // @ts-expect-error type and title come from the definition
    new OutOfCredit({ type: 'urn:other', extensions: { balance: 1 } })
    // @ts-expect-error reserved members cannot be extensions
    defineProblem<{ title: string }>({ name: 'X', status: 400, type: 'urn:x', title: 'x' })
  })
})

describe('reply helpers by declaration merging', () => {
  it('types reply.created, reply.accepted and reply.problem', async () => {
    const app = Fastify()
    await app.register(problems, { validationStatus: 422, logLevels: { clientError: 'debug' } })
    app.get('/', async (_request, reply) => {
      expectTypeOf(reply.created).parameters.toEqualTypeOf<[location: string, body?: unknown]>()
      reply.accepted()
      reply.problem(new NotFound())
      reply.problem(429, { retryAfter: 5 })
      // @ts-expect-error 405 needs allow
      reply.problem(405)
      // @ts-expect-error not a problem status
      reply.problem(200)
      return reply.created('/x')
    })
    // @ts-expect-error validationStatus is 400 or 422
    await app.register(problems, { validationStatus: 418 })
    // @ts-expect-error unknown options do not compile
    await app.register(problems, { typo: true })
    await app.register(problems, { upgrade: 'TLS/1.3, HTTP/1.1', retryAfter: 30 })
    // @ts-expect-error upgrade names protocols as a string
    await app.register(problems, { upgrade: ['websocket'] })
  })
})
