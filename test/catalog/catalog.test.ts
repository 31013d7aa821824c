// The catalog: every status class with its documentation from the one table, plus declared types.
import { describe, expect, it } from 'vitest'
import { problemCatalog } from '../../src/catalog/catalog.js'
import { NotFound, STATUSES, UsageError, defineProblem, renderProblem } from '../../src/index.js'
import { CATALOG, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

describe('problemCatalog', () => {
  // Built in each test, not once when the file is collected: code that runs outside a test is
  // covered by none, and mutation testing could not tell which test would notice a change in it.
  const catalog = () => problemCatalog([...CATALOG, NotFound], { typeBaseUrl: `${TYPE_BASE_URL}//` })

  it('lists every status of the table once, in order, then the declared types', () => {
    expect(catalog().entries.map((entry) => entry.status)).toEqual([...STATUSES.map((row) => row.status), 403, 409])
    expect(catalog().entries.filter((entry) => entry.builtIn)).toHaveLength(STATUSES.length)
  })

  it.each(STATUSES.map((row) => [row.status, row] as const))('%i: documented from the status table', (status, row) => {
    const entry = catalog().entries.find((candidate) => candidate.builtIn && candidate.status === status)!
    expect(entry.description).toBe(row.description)
    expect(entry.resolution).toBe(row.resolution)
    expect(entry.description!.length).toBeGreaterThan(40)
    expect(entry.resolution!.length).toBeGreaterThan(20)
    // The header the status carries is both listed and explained in the description.
    if ('field' in row) {
      expect(entry.headers).toContainEqual({ name: row.field.header, required: row.field.required })
      expect(row.description).toContain(`\`${row.field.header}`)
    }
    expect(entry.headers).toContainEqual({ name: 'x-correlation-id', required: true })
    expect(entry.type).toBe(`${TYPE_BASE_URL}/${entry.slug}`)
    expect(entry.example.type).toBe(entry.type)
    expect(entry.example.status).toBe(status)
    expect(entry.schema).toEqual({ type: 'object', properties: {} })
  })

  it('finds a declared type by its type URI, with an example body the renderer wrote', () => {
    const entry = catalog().find(OutOfCredit.type)!
    expect(entry.problemClass).toBe(OutOfCredit)
    expect(entry.slug).toBe('out-of-credit')
    expect(entry.headers).toEqual([{ name: 'x-correlation-id', required: true }])
    const rendered = renderProblem(
      new OutOfCredit(OutOfCredit.example!),
      { method: 'GET', url: '/example', correlationId: entry.example.correlationId as string },
      { typeBaseUrl: TYPE_BASE_URL, exposeStack: false, wwwAuthenticate: 'Bearer', proxyAuthenticate: 'Basic', retryAfter: '60', correlationIdHeader: 'x-correlation-id' },
    )
    expect(entry.example).toEqual(JSON.parse(rendered.body!))
    expect(entry.example.balance).toBe(30)
  })

  it('gives status classes about:blank without typeBaseUrl, and finds none by it', () => {
    const plain = problemCatalog()
    expect(plain.entries.every((entry) => entry.type === 'about:blank')).toBe(true)
    expect(plain.find('about:blank')).toBeUndefined()
  })

  it('lists the configured correlation id header', () => {
    expect(problemCatalog([], { correlationIdHeader: 'x-request-id' }).entries[0]!.headers).toContainEqual({ name: 'x-request-id', required: true })
  })

  it('names a page after the class when the type URI has no usable last segment', () => {
    const Urn = defineProblem({ name: 'QuotaGone', status: 410, type: 'urn:problem:quota', title: 'Quota gone' })
    expect(problemCatalog([Urn]).find('urn:problem:quota')!.slug).toBe('quota-gone')
  })

  it.each([
    ['a function that is not a problem class', [() => undefined]],
    ['a plain object', [{ status: 404 }]],
    ['a duplicate type', [OutOfCredit, defineProblem({ name: 'Again', status: 403, type: OutOfCredit.type, title: 'x' })]],
    ['a duplicate page name', [defineProblem({ name: 'Clash', status: 404, type: 'https://other.example/not-found', title: 'x' })]],
  ])('refuses %s with a coded UsageError', (_case, types) => {
    expect(() => problemCatalog(types as never)).toThrow(UsageError)
  })

  it('refuses a catalog that is not a list', () => {
    expect(() => problemCatalog(OutOfCredit as never)).toThrow(/option "catalog"/)
  })
})

describe('problemCatalog misuse, word for word', () => {
  function refusal(types: unknown): UsageError {
    try {
      problemCatalog(types as never)
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).code).toBe('ERR_HTTP_PROBLEMS_INVALID_OPTION')
      return error as UsageError
    }
    throw new Error('problemCatalog accepted the types')
  }

  it('names the option and what it got for a catalog that is not a list', () => {
    expect(refusal(OutOfCredit).message).toBe('http-problems: option "catalog" must be a list of problem classes, received function')
  })

  it('names the entry that is not a problem class', () => {
    expect(refusal([NotFound, () => undefined]).message).toBe(
      'http-problems: option "catalog[1]" must be a problem class (NotFound, or a class made by defineProblem), received function',
    )
  })

  it('refuses a status class of another copy whose status this copy has no row for', () => {
    // A class of the same kind (the marker is a global symbol), without a type URI, for a status the table lacks.
    const Foreign = function Foreign(): void {}
    Object.defineProperty(Foreign, Symbol.for('http-problems.sameKind'), { value: () => true })
    Object.defineProperty(Foreign, 'status', { value: 499 })
    expect(refusal([Foreign]).message).toBe(
      'http-problems: option "catalog[0]" must be a problem class (NotFound, or a class made by defineProblem), received function',
    )
  })

  it.each([
    ['null', null, 'null'],
    ['a function with a status but not of the kind', Object.assign(() => undefined, { status: 404 }), 'function'],
    ['an object of the kind that is no class', { [Symbol.for('http-problems.sameKind')]: () => true, status: 404 }, 'an object'],
  ])('refuses %s in the list', (_label, value, received) => {
    expect(refusal([value]).message).toBe(
      `http-problems: option "catalog[0]" must be a problem class (NotFound, or a class made by defineProblem), received ${received}`,
    )
  })

  it('names both classes that share a type URI', () => {
    const Again = defineProblem({ name: 'Again', status: 403, type: OutOfCredit.type, title: 'x' })
    expect(refusal([OutOfCredit, Again]).message).toBe(
      `http-problems: option "catalog" has two problem types with the same type ${OutOfCredit.type}: OutOfCredit and Again`,
    )
  })

  it('names the status class whose page name a declared type takes', () => {
    const Clash = defineProblem({ name: 'Clash', status: 404, type: 'https://other.example/not-found', title: 'x' })
    expect(refusal([Clash]).message).toBe('http-problems: option "catalog" has two problem types with the same page not-found: NotFound and Clash')
  })
})

describe('problemCatalog entries of declared types', () => {
  it('a type for a status the table has no row for lists only the correlation id header', () => {
    const Abandoned = defineProblem({ name: 'Abandoned', status: 499, type: 'https://errors.example.com/problems/abandoned', title: 'Abandoned' })
    const entry = problemCatalog([Abandoned]).find(Abandoned.type)!
    expect(entry.headers).toEqual([{ name: 'x-correlation-id', required: true }])
    expect(entry.description).toBeUndefined()
    expect(entry.resolution).toBeUndefined()
  })
})

describe('problemCatalog page names', () => {
  it.each([
    ['/', 'quota-gone'],
    ['https://errors.example.com/problems/quota/', 'quota'],
    ['https://errors.example.com/problems/quota?lang=en#top', 'quota'],
  ])('a type %s gives the page %s', (type, slug) => {
    const QuotaGone = defineProblem({ name: 'QuotaGone', status: 410, type, title: 'Quota gone' })
    expect(problemCatalog([QuotaGone]).find(type)!.slug).toBe(slug)
  })
})
