import { beforeAll, describe, expect, it, vi } from 'vitest'
import { Forbidden, HttpProblem, NotFound, UsageError, defineProblem, renderProblem } from '../src/index.js'

const OutOfCredit = defineProblem<{ balance: number }, 403>({
  name: 'OutOfCredit',
  status: 403,
  type: 'https://example.com/problems/out-of-credit',
  title: 'You do not have enough credit',
})

describe('defineProblem', () => {
  it('makes a class with its own type, title, status and code', () => {
    const problem = new OutOfCredit({ detail: 'Balance 30, cost 50', extensions: { balance: 30 } })
    expect(problem).toBeInstanceOf(OutOfCredit)
    expect(problem).toBeInstanceOf(HttpProblem)
    expect(problem).toBeInstanceOf(Forbidden)
    expect(problem).not.toBeInstanceOf(NotFound)
    expect(problem.name).toBe('OutOfCredit')
    expect(problem).toMatchObject({
      status: 403,
      type: 'https://example.com/problems/out-of-credit',
      title: 'You do not have enough credit',
      code: 'YOU_DO_NOT_HAVE_ENOUGH_CREDIT',
      detail: 'Balance 30, cost 50',
    })
    expect(problem.extensions.balance).toBe(30)
    expect(OutOfCredit.status).toBe(403)
    expect(OutOfCredit.type).toBe('https://example.com/problems/out-of-credit')
    expect(new Forbidden()).not.toBeInstanceOf(OutOfCredit)
  })

  it('renders with its own type even when typeBaseUrl is set', () => {
    const rendered = renderProblem(
      new OutOfCredit({ extensions: { balance: 1 } }),
      { method: 'GET', url: '/buy', correlationId: 'c' },
      { typeBaseUrl: 'https://errors.example.com', exposeStack: false, wwwAuthenticate: 'Bearer', proxyAuthenticate: 'Basic', retryAfter: '60', correlationIdHeader: 'x-correlation-id' },
    )
    expect(JSON.parse(rendered.body!)).toMatchObject({ type: 'https://example.com/problems/out-of-credit', balance: 1 })
  })

  it('accepts a detail string and an explicit code, and keeps the caller options untouched', () => {
    const Maintenance = defineProblem({ name: 'Maintenance', status: 503, type: 'urn:problem:maintenance', title: 'Down for maintenance', code: 'MAINTENANCE' })
    const problem = new Maintenance('back soon')
    expect(problem.detail).toBe('back soon')
    expect(problem.code).toBe('MAINTENANCE')
    expect(new Maintenance().detail).toBeUndefined()
    const options = Object.freeze({ code: 'OTHER' })
    expect(new Maintenance(options).code).toBe('OTHER')
    expect(options).toEqual({ code: 'OTHER' })
  })

  describe('a second loaded copy of the package', () => {
    // The second copy is loaded in a hook, not in the test: code a module runs when it loads stays
    // outside every test, so Stryker counts its mutants as static (CONTRIBUTING.md "Mutation testing")
    // instead of activating them after the suite's own copy was loaded, where they could never act.
    let copy: typeof import('../src/index.js')
    beforeAll(async () => {
      vi.resetModules()
      copy = (await import('../src/index.js')) as typeof import('../src/index.js')
    })

    it('recognises instances from another copy by type and status', () => {
      const CopyOutOfCredit = copy.defineProblem<{ balance: number }, 403>({
        name: 'OutOfCredit',
        status: 403,
        type: 'https://example.com/problems/out-of-credit',
        title: 'You do not have enough credit',
      })
      expect(new CopyOutOfCredit({ extensions: { balance: 1 } })).toBeInstanceOf(OutOfCredit)
    })
  })

  it.each([
    ['no definition', undefined],
    ['bad name', { name: 'Out of credit', status: 403, type: 'urn:x', title: 't' }],
    ['bad status', { name: 'X', status: 200, type: 'urn:x', title: 't' }],
    ['about:blank type', { name: 'X', status: 403, type: 'about:blank', title: 't' }],
    ['empty title', { name: 'X', status: 403, type: 'urn:x', title: '' }],
    ['numeric code', { name: 'X', status: 403, type: 'urn:x', title: 't', code: 1 }],
  ])('rejects %s', (_name, definition) => {
    expect(() => defineProblem(definition as never)).toThrow(UsageError)
  })
})
