// Serving the docs: one case table through Fastify (inject) and Express (supertest over a socket),
// same status, headers and bytes; the docs option's checks; HTML escaping by construction.
import express from 'express'
import Fastify from 'fastify'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { problems as expressProblems } from '../../src/express/index.js'
import { docsForm } from '../../src/docs/negotiate.js'
import { docsHeaders, docsSite } from '../../src/docs/site.js'
import { escapeHtml, html } from '../../src/docs/html.js'
import { STYLESHEET, STYLESHEET_SOURCE } from '../../src/docs/style.js'
import { createHash } from 'node:crypto'
import problems, { UsageError, defineProblem } from '../../src/index.js'
import { CATALOG, HOSTILE, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

const OPTIONS = { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [...CATALOG] } }

async function viaFastify(method: 'GET' | 'HEAD', url: string, accept?: string): Promise<Answer> {
  const app = Fastify()
  await app.register(problems, OPTIONS)
  const response = await app.inject({ method, url, headers: accept === undefined ? {} : { accept } })
  await app.close()
  return { status: response.statusCode, headers: response.headers, body: response.body }
}

async function viaExpress(method: 'GET' | 'HEAD', url: string, accept?: string): Promise<Answer> {
  const app = express()
  const { docs, notFound, errorHandler } = expressProblems(OPTIONS)
  app.use(docs!)
  app.get('/problems/routed', (_request, response) => void response.send('a route'))
  app.use(notFound)
  app.use(errorHandler)
  const call = method === 'GET' ? request(app).get(url) : request(app).head(url)
  const response = await (accept === undefined ? call : call.set('accept', accept))
  return { status: response.status, headers: response.headers, body: response.text ?? '' }
}

const CASES = [
  { name: 'index for a browser', url: '/problems', accept: 'text/html,application/xhtml+xml,*/*;q=0.8', status: 200, form: 'html' },
  { name: 'index with a trailing slash, no Accept', url: '/problems/', accept: undefined, status: 200, form: 'html' },
  { name: 'index as JSON', url: '/problems/', accept: 'application/json', status: 200, form: 'json' },
  { name: 'a page for */*', url: '/problems/out-of-credit', accept: '*/*', status: 200, form: 'html' },
  { name: 'an entry as JSON', url: '/problems/out-of-credit', accept: 'application/json', status: 200, form: 'json' },
  { name: 'JSON preferred by q', url: '/problems/not-found', accept: 'text/html;q=0.5, application/json', status: 200, form: 'json' },
  { name: 'HTML preferred by q', url: '/problems/not-found', accept: 'text/html, application/json;q=0.9', status: 200, form: 'html' },
  { name: 'the .json file name', url: '/problems/out-of-credit.json', accept: 'text/html', status: 200, form: 'json' },
  { name: 'the .html file name', url: '/problems/out-of-credit.html', accept: 'application/json', status: 200, form: 'html' },
  { name: 'index.json', url: '/problems/index.json', accept: undefined, status: 200, form: 'json' },
  { name: 'a query string is ignored', url: '/problems/gone?x=<b>', accept: undefined, status: 200, form: 'html' },
  { name: 'an unknown type', url: '/problems/no-such-type', accept: 'text/html', status: 404, form: 'problem' },
  { name: 'the index by its stem', url: '/problems/index', accept: undefined, status: 404, form: 'problem' },
  { name: 'neither form acceptable', url: '/problems/not-found', accept: 'image/png', status: 406, form: 'problem' },
] as const

describe.each([
  ['Fastify', viaFastify],
  ['Express', viaExpress],
] as const)('docs served by %s', (_adapter, call) => {
  it.each(CASES)('$name: $status $form', async ({ url, accept, status, form }) => {
    const answer = await call('GET', url, accept)
    expect(answer.status).toBe(status)
    if (form === 'problem') {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(JSON.parse(answer.body).status).toBe(status)
      return
    }
    expect(answer.headers.vary).toMatch(/Accept/i)
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    if (form === 'html') {
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.headers['content-security-policy']).toBe(
        `default-src 'none'; style-src ${STYLESHEET_SOURCE}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      )
      expect(answer.body).toMatch(/^<!doctype html>\n<html lang="en">/)
      expect(answer.body).not.toMatch(/<script/i)
    } else {
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(answer.headers['content-security-policy']).toBeUndefined()
      JSON.parse(answer.body)
    }
  })

  it('says in the 406 which forms there are', async () => {
    const answer = await call('GET', '/problems/not-found', 'image/png')
    expect(JSON.parse(answer.body).detail).toBe('Problem type documentation is available as text/html and as application/json.')
  })

  it('answers HEAD with the headers and no body', async () => {
    const answer = await call('HEAD', '/problems/out-of-credit', 'text/html')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body).toBe('')
  })

  it('serves the machine-readable entry: type, title, status, description, resolution, headers, schema, example', async () => {
    const entry = JSON.parse((await call('GET', '/problems/out-of-credit', 'application/json')).body)
    expect(entry).toEqual({
      type: OutOfCredit.type,
      title: OutOfCredit.title,
      status: 403,
      code: OutOfCredit.code,
      description: OutOfCredit.description,
      resolution: OutOfCredit.resolution,
      headers: [{ name: 'x-correlation-id', required: true }],
      schema: OutOfCredit.schema,
      example: expect.objectContaining({ type: OutOfCredit.type, status: 403, balance: 30, instance: '/example' }),
    })
    const index = JSON.parse((await call('GET', '/problems', 'application/json')).body)
    expect(index.problems).toHaveLength(42)
    expect(index.problems).toContainEqual(entry)
  })

  it('shows every hostile string escaped', async () => {
    const page = (await call('GET', '/problems/hostile', 'text/html')).body
    expect(page).not.toContain(HOSTILE)
    expect(page).toContain(escapeHtml(`Title ${HOSTILE}`))
    expect(page).toContain(escapeHtml(`Member ${HOSTILE}`))
  })
})

describe('the same bytes from both adapters', () => {
  it.each(['/problems/', '/problems/out-of-credit', '/problems/hostile.json'])('%s', async (url) => {
    const [fastify, viaExpressAnswer] = await Promise.all([viaFastify('GET', url), viaExpress('GET', url)])
    expect(viaExpressAnswer.body).toBe(fastify.body)
    for (const name of ['content-type', 'content-security-policy', 'vary', 'x-content-type-options', 'referrer-policy']) {
      expect(viaExpressAnswer.headers[name], name).toEqual(fastify.headers[name])
    }
  })
})

describe('the index page', () => {
  it("lists the service's own types, then the status types, each in its own section, and marks itself as the current page", () => {
    const Teapot = defineProblem({ name: 'Teapot', status: 418, type: `${TYPE_BASE_URL}/teapot`, title: 'Tea' })
    const index = docsSite({ catalog: [Teapot] }, { typeBaseUrl: TYPE_BASE_URL }).documents.get('index')!.html
    const [, service = '', statuses = ''] = index.split(/<h2 id="(?:service|statuses)">/)
    expect(service).toContain('href="/problems/teapot"')
    expect(service).not.toContain('href="/problems/not-found"')
    expect(statuses).toContain('href="/problems/not-found"')
    expect(statuses).not.toContain('href="/problems/teapot"')
    expect(index).toContain('<a href="/problems/" aria-current="page">')
    const page = docsSite({ catalog: [Teapot] }, { typeBaseUrl: TYPE_BASE_URL }).documents.get('teapot')!.html
    expect(page).toContain('<a href="/problems/">')
    // A type without extension members says so.
    expect(page).toContain('<p>None: the body has only the standard members.</p>')
    // No docs settings at all, and trailing slashes of typeBaseUrl: the path is typeBaseUrl's.
    expect(docsSite(undefined, { typeBaseUrl: `${TYPE_BASE_URL}//` }).path).toBe('/problems')
    // Without types of its own, no section for them.
    expect(docsSite({}, { typeBaseUrl: TYPE_BASE_URL }).documents.get('index')!.html).not.toContain('<h2 id="service">')
  })
})

describe('the members of a type, in words', () => {
  it('says a constant, a choice, an array of a type, a list of types and any value; none required', () => {
    const Typed = defineProblem({
      name: 'Typed',
      status: 409,
      type: `${TYPE_BASE_URL}/typed`,
      title: 'Typed',
      schema: {
        type: 'object',
        properties: {
          kind: { const: 'a' },
          level: { enum: ['low', 2] },
          tags: { type: 'array', items: { type: 'string' } },
          list: { type: 'array' },
          id: { type: ['string', 'integer'] },
          // `items` speaks for the array only: the string stays a string.
          either: { type: ['string', 'array'], items: { type: 'integer' } },
          anything: {},
        },
      },
      example: { extensions: { kind: 'a', level: 'low', tags: [], list: [], id: 'x', either: 'x', anything: 1 } },
    })
    const page = docsSite({ catalog: [Typed] }, { typeBaseUrl: TYPE_BASE_URL }).documents.get('typed')!.html
    const members = [...page.matchAll(/<dt><code>(\w+)<\/code><\/dt><dd>([^<]*)<\/dd>/g)].map(([, name, words]) => `${name}: ${words}`)
    expect(members).toEqual([
      'kind: always &quot;a&quot;, optional',
      'level: one of &quot;low&quot;, 2, optional',
      'tags: array of string, optional',
      'list: array, optional',
      'id: string or integer, optional',
      'either: string or array of integer, optional',
      'anything: any JSON value, optional',
    ])
  })
})

describe('docs option checks', () => {
  const Elsewhere = defineProblem({ name: 'Elsewhere', status: 409, type: 'https://other.example/problems/elsewhere', title: 'Elsewhere' })
  const Nested = defineProblem({ name: 'Nested', status: 409, type: `${TYPE_BASE_URL}/deep/nested`, title: 'Nested' })
  it.each([
    ['docs', { typeBaseUrl: TYPE_BASE_URL, docs: 'yes' }],
    ['docs', { typeBaseUrl: TYPE_BASE_URL, docs: null }],
    ['docs.paths', { typeBaseUrl: TYPE_BASE_URL, docs: { paths: '/problems' } }],
    ['docs.path', { docs: {} }],
    ['docs.path', { typeBaseUrl: TYPE_BASE_URL, docs: { path: '/errors' } }],
    ['docs.path', { docs: { path: 'problems' } }],
    ['docs.path', { docs: { path: '/a/../b' } }],
    ['docs.path', { docs: { path: '/a b' } }],
    ['typeBaseUrl', { typeBaseUrl: 'https://errors.example.com', docs: {} }],
    ['docs.catalog', { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [Elsewhere] } }],
    ['docs.catalog', { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [Nested] } }],
    ['docs.catalog', { docs: { path: '/errors', catalog: [OutOfCredit] } }],
    ['catalog[0]', { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: ['OutOfCredit'] } }],
  ])('refuses a bad %s at registration, in both adapters', async (option, options) => {
    const app = Fastify()
    await expect(app.register(problems, options as never)).rejects.toThrow(`"${option}"`)
    expect(() => expressProblems(options as never)).toThrow(UsageError)
    expect(() => expressProblems(options as never)).toThrow(`"${option}"`)
  })

  it('says what each bad docs option must be, word for word', () => {
    const Teapot = defineProblem({ name: 'Teapot', status: 418, type: 'https://errors.example.com/errors/teapot', title: 'Tea' })
    const must = (name: string, text: string, received: string) => `http-problems: option "${name}" must be ${text}, received ${received}`
    expect(() => docsSite([], { typeBaseUrl: TYPE_BASE_URL })).toThrow(must('docs', 'an object { path?, catalog? }', 'an array'))
    expect(() => docsSite('yes', { typeBaseUrl: TYPE_BASE_URL })).toThrow(must('docs', 'an object { path?, catalog? }', 'the string "yes"'))
    expect(() => docsSite(null, { typeBaseUrl: TYPE_BASE_URL })).toThrow(must('docs', 'an object { path?, catalog? }', 'null'))
    expect(() => docsSite({ paths: 1 }, { typeBaseUrl: TYPE_BASE_URL })).toThrow(must('docs.paths', 'absent (known: path, catalog)', 'number 1'))
    expect(() => docsSite({}, {})).toThrow(must('docs.path', 'a URL path such as /problems (or set typeBaseUrl, whose path it defaults to)', 'undefined'))
    expect(() => docsSite({}, { typeBaseUrl: 'https://errors.example.com' })).toThrow(
      must('typeBaseUrl', 'a URI with a path, such as https://errors.example.com/problems, under which docs serves its pages', 'the string "https://errors.example.com"'),
    )
    expect(() => docsSite({ path: 5 }, {})).toThrow(must('docs.path', 'a URL path such as /problems', 'number 5'))
    expect(() => docsSite({ catalog: [Teapot] }, { typeBaseUrl: TYPE_BASE_URL })).toThrow(
      must('docs.catalog', "problem types whose type URI is their page's URL (https://errors.example.com/problems/teapot for Teapot)", 'the string "https://errors.example.com/errors/teapot"'),
    )
    // Without typeBaseUrl, a type URI whose path is the page's path is at its place.
    expect(docsSite({ path: '/errors', catalog: [Teapot] }, {}).documents.has('teapot')).toBe(true)
  })

  it('sends the page policy, the language and what the answer varies with', () => {
    expect(docsHeaders('html', 'de')).toEqual({
      'x-content-type-options': 'nosniff',
      vary: 'Accept, Accept-Language',
      'content-language': 'de',
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src ${STYLESHEET_SOURCE}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'referrer-policy': 'no-referrer',
    })
    expect(docsHeaders('json')).toEqual({ 'x-content-type-options': 'nosniff', vary: 'Accept', 'content-type': 'application/json; charset=utf-8' })
  })

  it('names the path of a typeBaseUrl without one as /', () => {
    expect(() => expressProblems({ typeBaseUrl: 'https://errors.example.com', docs: { path: '/problems' } })).toThrow(
      'http-problems: option "docs.path" must be the path of typeBaseUrl (/), so that type URIs resolve to the pages, received the string "/problems"',
    )
  })

  it('derives the path from typeBaseUrl, and accepts the same path given with a trailing slash', async () => {
    for (const docs of [{}, { path: '/problems/' }]) {
      const app = Fastify()
      await app.register(problems, { typeBaseUrl: `${TYPE_BASE_URL}/`, docs })
      expect((await app.inject('/problems/not-found')).statusCode).toBe(200)
    }
  })

  it('serves at a path of its own without typeBaseUrl, where status types are about:blank', async () => {
    const app = Fastify()
    await app.register(problems, { docs: { path: '/errors' } })
    const entry = JSON.parse((await app.inject({ url: '/errors/not-found', headers: { accept: 'application/json' } })).body)
    expect(entry.type).toBe('about:blank')
    expect(expressProblems({ docs: { path: '/errors' } }).docs).toBeTypeOf('function')
  })

  it('leaves docs out unless asked', async () => {
    const app = Fastify()
    await app.register(problems, { typeBaseUrl: TYPE_BASE_URL })
    expect((await app.inject('/problems/not-found')).statusCode).toBe(404)
    expect(expressProblems({ typeBaseUrl: TYPE_BASE_URL }).docs).toBeUndefined()
  })

  it('leaves other methods and other paths to the app (Express)', async () => {
    const app = express()
    const { docs, notFound, errorHandler } = expressProblems(OPTIONS)
    app.use(docs!)
    app.post('/problems/not-found', (_request, response) => void response.send('posted'))
    app.get('/elsewhere', (_request, response) => void response.send('elsewhere'))
    app.use(notFound)
    app.use(errorHandler)
    expect((await request(app).post('/problems/not-found')).text).toBe('posted')
    expect((await request(app).get('/elsewhere')).text).toBe('elsewhere')
  })

  it('keeps routes the app already has at the docs paths (Fastify with ignoreTrailingSlash)', async () => {
    const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } })
    await app.register(problems, OPTIONS)
    expect((await app.inject('/problems/')).statusCode).toBe(200)
    expect((await app.inject('/problems')).statusCode).toBe(200)
  })
})

describe('negotiation and escaping', () => {
  it.each([
    [undefined, 'html'],
    ['', 'html'],
    ['   ', 'html'],
    // Parameters other than q do not weigh; q's name is case-insensitive.
    ['text/html;charset=utf-8', 'html'],
    ['text/html; Q=0', undefined],
    // The longest Accept read is 4096 characters; a longer one is no preference.
    ['image/png'.padEnd(4096, ' '), undefined],
    ['image/png'.padEnd(4097, ' '), 'html'],
    [['application/json', 'text/plain'], 'json'],
    ['application/*', 'json'],
    ['text/*', 'html'],
    ['application/json;q=0, */*;q=0.1', 'html'],
    ['application/json;q=abc', undefined],
    // A q-value outside 0..1, or none, is 0.
    ['application/json;q=2, text/html;q=0.5', 'html'],
    ['application/json;q=1, text/html;q=0.9', 'json'],
    ['application/json;q=-1', undefined],
    ['application/json;q=Infinity', undefined],
    ['text/html;q', undefined],
    ['text/html;q= 0.5 , application/json;q=0.4', 'html'],
    ['text/html;q=0', undefined],
    // The subtype alone is no match.
    ['image/html, text/json', undefined],
    // A range without a subtype names no media type.
    ['application', undefined],
    ['*', undefined],
    ['x'.repeat(5000), 'html'],
  ] as const)('Accept %j -> %s', (accept, form) => {
    expect(docsForm(accept as never)).toBe(form)
  })

  it('escapes every interpolated value unless it is a fragment made by html', () => {
    const fragment = html`<b>${'<i>'}</b>`
    expect(html`<p title="${`"'&`}">${fragment}${[1, '<', undefined]}</p>`.toString()).toBe('<p title="&quot;&#39;&amp;"><b>&lt;i&gt;</b>1&lt;</p>')
  })

  it('hashes exactly the stylesheet the pages carry', async () => {
    expect(STYLESHEET_SOURCE).toBe(`'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`)
    const page = (await viaFastify('GET', '/problems/')).body
    expect(page).toContain(`<style>${STYLESHEET}</style>`)
  })
})
