// The map step on its own: option checks, first match wins, class and predicate matches, HTTP
// errors left alone unless named, and failing rules skipped and reported once.
import createError from 'http-errors'
import Boom from '@hapi/boom'
import { describe, expect, it, vi } from 'vitest'
import { BadRequest, Conflict, Gone, HttpProblem, NotFound, UnprocessableContent, UsageError, defineProblem, isHttpProblem } from '../../src/index.js'
import { mapThrown } from '../../src/mapping/map-thrown.js'
import { resolveRules } from '../../src/mapping/resolve-rules.js'
import type { ProblemRule } from '../../src/mapping/rule.js'

const OPEN = { clientClosed: false }

function mapWith(rules: readonly unknown[], thrown: unknown, report = vi.fn()): HttpProblem | undefined {
  return mapThrown(resolveRules(rules), thrown, OPEN, report)
}

class DuplicateEmail extends Error {
  constructor(readonly email: string) {
    super(`duplicate ${email}`)
  }
}

describe('the map option', () => {
  it.each<[string, unknown, string]>([
    ['not an array', { match: Error }, 'map'],
    ['a rule that is not an object', [42], 'map[0]'],
    ['a rule that is an array', [[]], 'map[0]'],
    ['a match that is not a function', [{ match: 'Error', problem: new Conflict() }], 'map[0].match'],
    ['a missing problem', [{ match: Error }], 'map[0].problem'],
    ['a problem that is a plain object', [{ match: Error, problem: { status: 409 } }], 'map[0].problem'],
    ['an httpErrors that is not a boolean', [{ match: Error, problem: new Conflict(), httpErrors: 'yes' }], 'map[0].httpErrors'],
    ['an unknown key (a typo)', [{ match: Error, problem: new Conflict(), when: () => true }], 'map[0].when'],
    ['the second rule bad', [{ match: Error, problem: new Conflict() }, { match: Error, problem: null }], 'map[1].problem'],
  ])('refuses %s, naming the option', (_case, value, name) => {
    const attempt = (): unknown => resolveRules(value)
    expect(attempt).toThrow(UsageError)
    expect(attempt).toThrow(`option "${name}"`)
  })

  it.each<[string, unknown, string]>([
    ['not an array', { match: Error }, 'option "map" must be an array of { match, problem } rules, received an object'],
    ['a rule that is not an object', [42], 'option "map[0]" must be a { match, problem } rule, received number 42'],
    ['a rule that is null', [null], 'option "map[0]" must be a { match, problem } rule, received null'],
    ['a match that is not a function', [{ match: 'Error', problem: new Conflict() }], 'option "map[0].match" must be a class or a predicate function, received the string "Error"'],
    ['a problem that is a plain object', [{ match: Error, problem: { status: 409 } }], 'option "map[0].problem" must be an HttpProblem or a function returning one, received an object'],
    ['an httpErrors that is not a boolean', [{ match: Error, problem: new Conflict(), httpErrors: 'yes' }], 'option "map[0].httpErrors" must be a boolean, received the string "yes"'],
    ['an unknown key (a typo)', [{ match: Error, problem: new Conflict(), when: 1 }], 'option "map[0].when" must be absent (a rule has match, problem and httpErrors), received number 1'],
  ])('says what is wrong with %s, word for word', (_case, value, message) => {
    expect(() => resolveRules(value)).toThrow(`http-problems: ${message}`)
  })

  it('tells a class from a predicate by its shape', () => {
    class Plain {
      readonly plain = true
    }
    function Legacy(this: { kind: string }): void {
      this.kind = 'legacy'
    }
    Legacy.prototype.describe = function describe(): string {
      return 'legacy'
    }
    function nullPrototype(thrown: unknown): boolean {
      return thrown === 'mine'
    }
    Object.defineProperty(nullPrototype, 'prototype', { value: null })
    const rules = [
      { match: Plain, problem: new Gone() },
      { match: Legacy, problem: new Conflict() },
      { match: nullPrototype, problem: new BadRequest() },
      { match: Map, problem: new NotFound() },
      { match: MessageChannel, problem: new UnprocessableContent() },
    ]
    expect(mapWith(rules, new Plain())?.status).toBe(410)
    expect(mapWith(rules, new (Legacy as unknown as new () => object)())?.status).toBe(409)
    expect(mapWith(rules, 'mine')?.status).toBe(400)
    expect(mapWith(rules, new Map())?.status).toBe(404)
    // A built-in whose prototype has no methods: known by its native source.
    const channel = new MessageChannel()
    expect(mapWith(rules, channel)?.status).toBe(422)
    channel.port1.close()
  })

  it('offers HTTP errors to a rule whose match is HttpProblem itself', () => {
    const problem = mapWith([{ match: HttpProblem, problem: new Gone() }], new NotFound())
    expect(problem?.status).toBe(410)
  })

  it('accepts no rules, an empty list, and never keeps or changes the caller’s array', () => {
    expect(resolveRules(undefined)).toBeUndefined()
    expect(resolveRules([])).toBeUndefined()
    const rules: ProblemRule[] = [{ match: Error, problem: new Conflict() }]
    const compiled = resolveRules(rules)!
    rules.push({ match: TypeError, problem: new Gone() })
    expect(compiled).toHaveLength(1)
    expect(Object.isFrozen(compiled)).toBe(true)
  })
})

describe('mapping a thrown value', () => {
  it('answers with the first rule that matches, in order', () => {
    const problem = mapWith(
      [
        { match: () => false, problem: new Gone() },
        { match: DuplicateEmail, problem: (error: DuplicateEmail) => new Conflict({ detail: 'Email taken', cause: error }) },
        { match: Error, problem: new BadRequest() },
      ],
      new DuplicateEmail('a@example.com'),
    )
    expect(problem).toBeInstanceOf(Conflict)
    expect(problem!.detail).toBe('Email taken')
    expect(problem!.cause).toBeInstanceOf(DuplicateEmail)
  })

  it('matches a class by instanceof (subclasses too), a predicate only when it returns true', () => {
    expect(mapWith([{ match: Error, problem: new Conflict() }], new TypeError('x'))).toBeInstanceOf(Conflict)
    expect(mapWith([{ match: TypeError, problem: new Conflict() }], new Error('x'))).toBeUndefined()
    expect(mapWith([{ match: () => 1, problem: new Conflict() }], new Error('x'))).toBeUndefined()
    expect(mapWith([{ match: () => 'yes', problem: new Conflict() }], new Error('x'))).toBeUndefined()
    expect(mapWith([{ match: () => true, problem: new Conflict() }], 'a thrown string')).toBeInstanceOf(Conflict)
  })

  it('tells classes from predicates: a function-keyword predicate is called, an ES5 constructor is a class', () => {
    function isDuplicate(value: unknown): boolean {
      return value instanceof DuplicateEmail
    }
    function LegacyError(this: { message: string }, message: string): void {
      this.message = message
    }
    LegacyError.prototype = Object.create(Error.prototype, { constructor: { value: LegacyError } })
    const legacy = new (LegacyError as unknown as new (message: string) => Error)('old')
    expect(mapWith([{ match: isDuplicate, problem: new Conflict() }], new DuplicateEmail('x'))).toBeInstanceOf(Conflict)
    expect(mapWith([{ match: LegacyError, problem: new Gone() }], legacy)).toBeInstanceOf(Gone)
    expect(mapWith([{ match: LegacyError, problem: new Gone() }], new Error('x'))).toBeUndefined()
  })

  it('passes the facts to predicates', () => {
    const match = vi.fn(() => true)
    mapThrown(resolveRules([{ match, problem: new Conflict() }]), 'x', { clientClosed: true }, vi.fn())
    expect(match).toHaveBeenCalledWith('x', { clientClosed: true })
  })

  it('returns undefined when nothing matches, so normalize answers', () => {
    expect(mapWith([{ match: DuplicateEmail, problem: new Conflict() }], new Error('x'))).toBeUndefined()
    expect(mapThrown(undefined, new Error('x'), OPEN, vi.fn())).toBeUndefined()
  })
})

describe('HTTP errors are never re-mapped unless a rule names them', () => {
  const catchAll = { match: () => true, problem: new Conflict() }
  const httpErrors: [string, unknown][] = [
    ['our own problem', new NotFound()],
    ['a defineProblem problem', new (defineProblem({ name: 'NoAccess', status: 403, type: 'https://errors.example.com/no', title: 'No' }))()],
    ['an http-errors error', createError(404)],
    ['a boom error', Boom.notFound()],
    ['an error with a status', Object.assign(new Error('x'), { status: 418 })],
    ['an error with a string statusCode', Object.assign(new Error('x'), { statusCode: '429' })],
    ['a Fastify validation error', Object.assign(new Error('x'), { validation: [], validationContext: 'body' })],
  ]

  it.each(httpErrors)('%s passes a catch-all predicate and a catch-all class', (_name, thrown) => {
    expect(mapWith([catchAll], thrown)).toBeUndefined()
    expect(mapWith([{ match: Error, problem: new Conflict() }], thrown)).toBeUndefined()
  })

  it.each(httpErrors)('%s is offered to a rule with httpErrors: true', (_name, thrown) => {
    expect(mapWith([{ ...catchAll, httpErrors: true }], thrown)).toBeInstanceOf(Conflict)
  })

  it('a rule whose match is a problem class names problems', () => {
    expect(mapWith([{ match: NotFound, problem: new Gone() }], new NotFound())).toBeInstanceOf(Gone)
    expect(mapWith([{ match: HttpProblem, problem: new Gone() }], new BadRequest())).toBeInstanceOf(Gone)
    expect(mapWith([{ match: NotFound, problem: new Gone() }], new BadRequest())).toBeUndefined()
  })

  it('errors whose status is not an HTTP error status are not HTTP errors', () => {
    expect(mapWith([catchAll], Object.assign(new Error('x'), { status: 200 }))).toBeInstanceOf(Conflict)
    expect(mapWith([catchAll], Object.assign(new Error('x'), { statusCode: 999 }))).toBeInstanceOf(Conflict)
  })
})

describe('a rule that fails is skipped and reported once per rule', () => {
  it('a match that throws, a problem that throws, a problem that returns no problem: all skipped, the next rule answers', () => {
    const report = vi.fn()
    const rules = resolveRules([
      { match: () => { throw new Error('match bug') }, problem: new Gone() },
      { match: () => true, problem: () => { throw new Error('problem bug') } },
      { match: () => true, problem: () => ({ status: 409 }) },
      { match: () => true, problem: () => new Conflict() },
    ])
    for (let round = 0; round < 3; round++) expect(mapThrown(rules, new Error('x'), OPEN, report)).toBeInstanceOf(Conflict)
    expect(report).toHaveBeenCalledTimes(3)
    expect(report.mock.calls.map(([, message]) => message)).toEqual([
      expect.stringContaining('map[0] threw'),
      expect.stringContaining('map[1] threw'),
      expect.stringContaining('map[2] returned something that is not an HttpProblem'),
    ])
    expect(report.mock.calls[0]![0]).toEqual(new Error('match bug'))
  })

  it('once per rule object, across lists and adapters', () => {
    const broken: ProblemRule = { match: () => true, problem: () => { throw new Error('bug') } }
    const report = vi.fn()
    mapThrown(resolveRules([broken]), 'x', OPEN, report)
    mapThrown(resolveRules([{ match: Error, problem: new Gone() }, broken]), 'x', OPEN, report)
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('an async problem function is no answer, and its rejection is not left unhandled', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const report = vi.fn()
      const problem = mapWith([{ match: () => true, problem: async () => { throw new Error('late') } }], 'x', report)
      expect(problem).toBeUndefined()
      expect(report).toHaveBeenCalledOnce()
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('a reporter that throws changes nothing', () => {
    const report = (): void => { throw new Error('logger down') }
    const rules = [{ match: () => { throw new Error('bug') }, problem: new Gone() }, { match: () => true, problem: new Conflict() }]
    expect(mapWith(rules, 'x', vi.fn(report))).toBeInstanceOf(Conflict)
  })

  it('a thrown value that fights back (a Proxy whose traps throw) is not the rule’s fault', () => {
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } })
    const report = vi.fn()
    expect(mapWith([{ match: DuplicateEmail, problem: new Conflict() }], hostile, report)).toBeUndefined()
    expect(report).not.toHaveBeenCalled()
  })

  it('the same problem instance is answered every time when `problem` is one', () => {
    const conflict = new Conflict()
    const rules = [{ match: () => true, problem: conflict }]
    expect(mapWith(rules, 'a')).toBe(conflict)
    expect(isHttpProblem(mapWith(rules, 'b'))).toBe(true)
  })
})
