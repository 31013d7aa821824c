// Type tests of the map option and problemRule: what must compile, and (with @ts-expect-error)
// what must NOT.
import Fastify from 'fastify'
import { describe, expectTypeOf, it } from 'vitest'
import problems, { Conflict, HttpProblem, NotFound, type ProblemRule } from '../../src/index.js'
import { problems as expressProblems } from '../../src/express/index.js'
import { mongoRules, networkRules, postgresRules, prismaRules, problemRule, type MappingFacts } from '../../src/mapping/index.js'

class DuplicateEmail extends Error {
  constructor(readonly email: string) {
    super('duplicate')
  }
}
abstract class DomainError extends Error {
  abstract readonly reason: string
}
interface PgError {
  code: string
  constraint?: string
}
declare function isPgError(value: unknown): value is PgError

describe('problemRule', () => {
  it('a class narrows what the problem function receives to its instances (abstract classes too)', () => {
    problemRule({
      match: DuplicateEmail,
      problem: (error) => {
        expectTypeOf(error).toEqualTypeOf<DuplicateEmail>()
        return new Conflict({ detail: `${error.email} is taken` })
      },
    })
    problemRule({ match: DomainError, problem: (error) => new Conflict({ detail: error.reason }) })
  })

  it('a type guard narrows to the guarded type; the facts come second', () => {
    const rule = problemRule({
      match: isPgError,
      problem: (error, facts) => {
        expectTypeOf(error).toEqualTypeOf<PgError>()
        expectTypeOf(facts).toEqualTypeOf<MappingFacts>()
        return new Conflict({ code: error.code })
      },
    })
    expectTypeOf(rule).toEqualTypeOf<ProblemRule<PgError>>()
  })

  it('a boolean predicate leaves the value unknown; a problem instance needs no function', () => {
    problemRule({
      match: (_value, facts) => facts.clientClosed,
      problem: (value) => {
        expectTypeOf(value).toEqualTypeOf<unknown>()
        return new Conflict()
      },
    })
    problemRule({ match: DuplicateEmail, problem: new Conflict() })
    problemRule({ match: NotFound, problem: new HttpProblem(410), httpErrors: true })
  })

  it('must not compile: a member the narrowed type lacks, a wrong parameter type, a result that is not a problem', () => {
    // @ts-expect-error DuplicateEmail has no `constraint`
    problemRule({ match: DuplicateEmail, problem: (error) => new Conflict({ detail: error.constraint }) })
    // @ts-expect-error the guard says PgError; Date is not one
    problemRule({ match: isPgError, problem: (error: Date) => new Conflict({ detail: error.toISOString() }) })
    // @ts-expect-error a problem function returns a problem, not a string
    problemRule({ match: DuplicateEmail, problem: () => 'Conflict' })
    // @ts-expect-error a problem function returns a problem, not a promise of one
    problemRule({ match: DuplicateEmail, problem: async () => new Conflict() })
    // @ts-expect-error `problem` is a problem or a function, not a status
    problemRule({ match: DuplicateEmail, problem: 409 })
    // @ts-expect-error `match` is a class or a predicate, not a name
    problemRule({ match: 'DuplicateEmail', problem: new Conflict() })
    // @ts-expect-error httpErrors is a boolean
    problemRule({ match: DuplicateEmail, problem: new Conflict(), httpErrors: 'yes' })
  })
})

describe('the map option', () => {
  it('takes ready-made sets, problemRule rules and plain rules, in both adapters', async () => {
    const rules = [
      problemRule({ match: DuplicateEmail, problem: (error) => new Conflict({ detail: error.email }) }),
      ...postgresRules,
      ...prismaRules,
      ...mongoRules,
      ...networkRules,
      { match: (value: unknown) => value === 'x', problem: new Conflict() },
    ]
    await Fastify().register(problems, { map: rules })
    expressProblems({ map: rules })
    expectTypeOf(postgresRules).toEqualTypeOf<readonly ProblemRule[]>()
  })

  it('must not compile: a plain rule reading members of an unnarrowed value, a rule without problem, a map that is not a list', async () => {
    // @ts-expect-error in a plain object rule the value is unknown: narrow it, or use problemRule
    expressProblems({ map: [{ match: isPgError, problem: (error) => new Conflict({ code: error.code }) }] })
    // @ts-expect-error a rule needs a problem
    expressProblems({ map: [{ match: DuplicateEmail }] })
    // @ts-expect-error map is a list of rules
    await Fastify().register(problems, { map: { match: DuplicateEmail, problem: new Conflict() } })
  })
})
