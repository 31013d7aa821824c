// The catalog: every status class with its documentation from the one table, plus declared types.
import { describe, expect, it } from 'vitest'
import { problemCatalog } from '../../src/catalog/catalog.js'
import { NotFound, STATUSES, UsageError, defineProblem, renderProblem } from '../../src/index.js'
import { CATALOG, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

describe('problemCatalog', () => {
  const catalog = problemCatalog([...CATALOG, NotFound], { typeBaseUrl: `${TYPE_BASE_URL}/` })

  it('lists every status of the table once, in order, then the declared types', () => {
    expect(catalog.entries.map((entry) => entry.status)).toEqual([...STATUSES.map((row) => row.status), 403, 409])
    expect(catalog.entries.filter((entry) => entry.builtIn)).toHaveLength(STATUSES.length)
  })

  it.each(STATUSES.map((row) => [row.status, row] as const))('%i: documented from the status table', (status, row) => {
    const entry = catalog.entries.find((candidate) => candidate.builtIn && candidate.status === status)!
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
  })

  it('finds a declared type by its type URI, with an example body the renderer wrote', () => {
    const entry = catalog.find(OutOfCredit.type)!
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
