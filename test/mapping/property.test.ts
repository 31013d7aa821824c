// Property-based: arbitrary thrown values (anything at all, and driver-shaped errors with random
// codes whose every text carries a secret) through arbitrary rule lists (the ready-made sets in
// any order, and user rules that match at random, throw, or answer with junk), then normalize and
// render as an adapter does. Never a throw, always a valid problem, never the secret in the body.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Conflict, Gone, HttpProblem, normalize, renderProblem, type ProblemRule } from '../../src/index.js'
import { mapThrown } from '../../src/mapping/map-thrown.js'
import { resolveRules } from '../../src/mapping/resolve-rules.js'
import { mongoRules, networkRules, postgresRules, prismaRules } from '../../src/mapping/index.js'
import { DEFAULT_RENDER_SETTINGS } from '../fixtures/render-settings.js'

/** Not an identifier (the hyphens), so no rule may ever name it as a field. */
const SECRET = 's3cr3t-driver-text'

const SQLSTATES = ['23505', '23503', '23502', '22P02', '23514', '40001', '40P01', '53300', '57P03', '57014', 'XX000', '42P01']
const PRISMA_CODES = ['P2002', 'P2003', 'P2025', 'P2034', 'P1001', 'P1017', 'P2024', 'P2000']
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'EPERM', 'ABORT_ERR']

const secretText = fc.constantFrom(SECRET, `Key (${SECRET})=(${SECRET}) already exists.`, `Key (email)=(${SECRET}) already exists.`)

/** An error with driver-like members; every text member carries the secret. */
const driverError = fc.record({
  name: fc.constantFrom('error', 'DatabaseError', 'PrismaClientKnownRequestError', 'PrismaClientInitializationError', 'MongoServerError', 'TypeError', 'AbortError', 'TimeoutError'),
  code: fc.oneof(fc.constantFrom<unknown>(...SQLSTATES, ...PRISMA_CODES, ...NETWORK_CODES, 11000, 11001), fc.anything()),
  severity: fc.option(fc.constantFrom('ERROR', 'FATAL'), { nil: undefined }),
  detail: fc.option(secretText, { nil: undefined }),
  column: fc.option(fc.constantFrom(SECRET, 'email', `${SECRET} x`), { nil: undefined }),
  constraint: fc.constant(`${SECRET}_key`),
  meta: fc.option(fc.record({ target: fc.oneof(fc.constant([SECRET, 'email']), fc.constant(SECRET), fc.anything()) }), { nil: undefined }),
  keyPattern: fc.option(fc.oneof(fc.constant({ email: 1 }), fc.constant({ [SECRET]: 1 }), fc.anything()), { nil: undefined }),
  keyValue: fc.constant({ email: SECRET }),
  wrapped: fc.boolean(),
}).map(({ name, wrapped, ...members }) => {
  const error = Object.assign(new Error(`${SECRET} in the message`), members, { name })
  return wrapped ? new TypeError(`outer ${SECRET}`, { cause: error }) : error
})

const thrownValue = fc.oneof(driverError, fc.anything(), fc.constant(new Conflict()))

/** A user rule: matches at random (or throws), answers with a problem, junk, or a throw. */
const userRule = fc.record({
  match: fc.constantFrom<ProblemRule['match']>(
    () => true,
    () => false,
    Error,
    TypeError,
    () => { throw new Error(SECRET) },
    () => 'true' as unknown as boolean,
  ),
  problem: fc.constantFrom<ProblemRule['problem']>(
    new Gone(),
    () => new Conflict({ detail: 'Taken.' }),
    () => { throw new Error(SECRET) },
    () => ({ status: 409, detail: SECRET }) as unknown as HttpProblem,
    () => undefined as unknown as HttpProblem,
    (async () => new Conflict()) as unknown as () => HttpProblem,
  ),
  httpErrors: fc.option(fc.boolean(), { nil: undefined }),
}).map((rule): ProblemRule => (rule.httpErrors === undefined ? { match: rule.match, problem: rule.problem } : rule))

const ruleList = fc.array(
  fc.oneof(fc.constantFrom(...postgresRules, ...prismaRules, ...mongoRules, ...networkRules), userRule),
  { maxLength: 12 },
)

describe('arbitrary thrown values through arbitrary rule lists', () => {
  it('never throw, always answer a valid problem, never leak a driver text', () => {
    fc.assert(
      fc.property(thrownValue, ruleList, fc.boolean(), (thrown, rules, clientClosed) => {
        const problem = mapThrown(resolveRules(rules), thrown, { clientClosed }, () => undefined) ?? normalize(thrown)
        const rendered = renderProblem(problem, { method: 'GET', url: '/x', correlationId: 'f5c4a3f4-4a1b-4c53-9f61-6c6d57b8b1a2' }, DEFAULT_RENDER_SETTINGS)
        expect(rendered.status).toBeGreaterThanOrEqual(400)
        expect(rendered.status).toBeLessThanOrEqual(599)
        const body = JSON.parse(rendered.body!) as Record<string, unknown>
        expect(body.status).toBe(rendered.status)
        expect(typeof body.title).toBe('string')
        expect(rendered.body).not.toContain(SECRET)
        expect(rendered.headers['content-type']).toMatch(/^application\/problem\+json/)
      }),
      { numRuns: 400 },
    )
  })
})
