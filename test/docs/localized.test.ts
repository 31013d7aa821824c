// Localized docs pages: the language negotiated from Accept-Language exactly as for problem bodies,
// titles and descriptions from the same catalogs, <html lang>, Content-Language and Vary; Fastify
// (inject) and Express (supertest over a socket) answer the same bytes.
import express from 'express'
import Fastify from 'fastify'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { problems as expressProblems } from '../../src/express/index.js'
import { escapeHtml } from '../../src/docs/html.js'
import { docsSite } from '../../src/docs/site.js'
import problems, { defineProblem, type ProblemsOptions } from '../../src/index.js'
import { localizedTexts } from '../../src/docs/page-text.js'
import { resolveLocalization, sealLocalization, type LocalizationOptions } from '../../src/i18n/localization.js'
import { CATALOG, HOSTILE, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

/** `it` has no built-in titles: its pages use the default locale's (English), marked as such. */
export const DOCS_LOCALIZATION: LocalizationOptions = {
  locales: ['en', 'de', 'de-AT', 'fr', 'it'],
  defaultLocale: 'en',
  messages: {
    de: {
      [OutOfCredit.type]: {
        title: 'Guthaben reicht nicht',
        detail: 'Ihr Guthaben ist {balance, number}.',
        description: 'Das Guthaben des Kontos deckt den Preis der Anfrage nicht.',
        resolution: 'Laden Sie das Konto auf (`balance` nennt den Stand), oder stellen Sie eine günstigere Anfrage.',
      },
      NOT_FOUND: { description: 'Unter dieser Adresse gibt es nichts ({status}).' },
    },
    'de-AT': { [OutOfCredit.type]: { title: 'Guthaben reicht leider nicht' } },
    fr: { [OutOfCredit.type]: { title: 'Crédit insuffisant: {balance}' } },
  },
}

const OPTIONS: ProblemsOptions = { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [...CATALOG] }, localization: DOCS_LOCALIZATION }

interface Answer {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

async function viaFastify(url: string, headers: Record<string, string>, options: ProblemsOptions = OPTIONS): Promise<Answer> {
  const app = Fastify()
  await app.register(problems, options)
  const response = await app.inject({ method: 'GET', url, headers })
  await app.close()
  return { status: response.statusCode, headers: response.headers, body: response.body }
}

async function viaExpress(url: string, headers: Record<string, string>, options: ProblemsOptions = OPTIONS): Promise<Answer> {
  const app = express()
  const { docs, notFound, errorHandler } = expressProblems(options)
  app.use(docs!)
  app.use(notFound)
  app.use(errorHandler)
  const response = await request(app).get(url).set(headers)
  return { status: response.status, headers: response.headers, body: response.text ?? '' }
}

/** The headers both adapters must send alike (Express adds its own: etag, date, x-powered-by...). */
function docsHeadersOf(answer: Answer): Record<string, unknown> {
  const names = ['content-type', 'content-language', 'vary', 'content-security-policy', 'x-content-type-options', 'referrer-policy']
  return Object.fromEntries(names.map((name) => [name, answer.headers[name]]))
}

const CASES = [
  { name: 'German page of a declared type', url: '/problems/out-of-credit', headers: { 'accept-language': 'de-DE, en;q=0.5' }, language: 'de' },
  { name: 'de-AT: title from de-AT, the rest from de', url: '/problems/out-of-credit', headers: { 'accept-language': 'de-AT' }, language: 'de-AT' },
  { name: 'French index', url: '/problems/', headers: { 'accept-language': 'fr' }, language: 'fr' },
  { name: 'Italian: words of the default locale', url: '/problems/not-found', headers: { 'accept-language': 'it' }, language: 'it' },
  { name: 'an unlisted language: the default locale', url: '/problems/not-found', headers: { 'accept-language': 'es, pt;q=0.5' }, language: 'en' },
  { name: 'a malformed header: the default locale', url: '/problems/not-found', headers: { 'accept-language': ';;q=x,,' }, language: 'en' },
  { name: 'German JSON entry', url: '/problems/out-of-credit', headers: { 'accept-language': 'de', accept: 'application/json' }, language: 'de' },
  { name: 'German index as JSON', url: '/problems/index.json', headers: { 'accept-language': 'de' }, language: 'de' },
] as const

describe('localized docs: Fastify and Express send the same bytes', () => {
  it.each(CASES)('$name → $language', async ({ url, headers, language }) => {
    const [fastify, expressAnswer] = await Promise.all([viaFastify(url, headers), viaExpress(url, headers)])
    expect(fastify.status).toBe(200)
    expect(fastify.headers['content-language']).toBe(language)
    expect(fastify.headers.vary).toBe('Accept, Accept-Language')
    if (String(fastify.headers['content-type']).startsWith('text/html')) {
      expect(fastify.body).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${language}">`))
    }
    expect(expressAnswer.status).toBe(200)
    expect(expressAnswer.body).toBe(fastify.body)
    expect(docsHeadersOf(expressAnswer)).toEqual(docsHeadersOf(fastify))
  })

  it('a 404 under the docs path is a localized problem, as any other', async () => {
    const answer = await viaFastify('/problems/no-such-type', { 'accept-language': 'de' })
    expect(answer.status).toBe(404)
    expect(answer.headers['content-language']).toBe('de')
    expect(JSON.parse(answer.body)).toMatchObject({ title: 'Nicht gefunden' })
  })
})

describe('what a localized page says', () => {
  async function page(url: string, acceptLanguage: string, accept = 'text/html'): Promise<string> {
    return (await viaFastify(url, { 'accept-language': acceptLanguage, accept })).body
  }

  it("German: the catalog's title, description and resolution, the built-in status titles; the page's own words English, marked so", async () => {
    const body = await page('/problems/out-of-credit', 'de')
    expect(body).toContain('<title>Guthaben reicht nicht (403)</title>')
    expect(body).toContain('<h1>Guthaben reicht nicht</h1>')
    expect(body).toContain('<h2><span lang="en">What happened</span></h2>\n<p>Das Guthaben des Kontos deckt den Preis der Anfrage nicht.</p>')
    expect(body).toContain(
      '<h2><span lang="en">What you can do</span></h2>\n<p>Laden Sie das Konto auf (<code>balance</code> nennt den Stand), oder stellen Sie eine günstigere Anfrage.</p>',
    )
    expect(body).toContain('<dt><span lang="en">Type URI</span></dt>')
    expect(body).toContain('<li><code>x-correlation-id</code> (<span lang="en">always</span>)</li>')
    expect(body).toContain('<span lang="en">number, always present</span>. The current balance, in cents.')
    expect(body).toContain('<a href="/problems/"><span lang="en">All problem types</span></a>')
    const index = await page('/problems/', 'de')
    expect(index).toContain('<a href="/problems/out-of-credit">Guthaben reicht nicht</a>')
    expect(index).toContain('<a href="/problems/not-found">Nicht gefunden</a>')
    expect(index).toContain('<h1><span lang="en">Problem types</span></h1>')
  })

  it('a status page: its title from the built-in titles, a description from the catalog by code, formatted with the status', async () => {
    const body = await page('/problems/not-found', 'de')
    expect(body).toContain('<h1>Nicht gefunden</h1>')
    expect(body).toContain('<p>Unter dieser Adresse gibt es nichts (404).</p>')
  })

  it("text the chain lacks stays as written, marked with its language (the service's default, or the package's English)", async () => {
    const declared = await page('/problems/hostile', 'de')
    expect(declared).toContain(`<h1><span lang="en">${escapeHtml(`Title ${HOSTILE}`)}</span></h1>`)
    expect(declared).toContain(`<p lang="en">Description ${escapeHtml(HOSTILE)}</p>`)
    expect(declared).not.toContain(HOSTILE)
    const status = await page('/problems/gone', 'fr')
    expect(status).toContain('<h1>Disparu</h1>')
    expect(status).toMatch(/<h2><span lang="en">What happened<\/span><\/h2>\n<p lang="en">/)
  })

  it('a catalog message that needs a body member cannot be said on a page: the chain goes on', async () => {
    // fr's title needs {balance}: the title comes from the default locale, English, marked so.
    const body = await page('/problems/out-of-credit', 'fr')
    expect(body).toContain(`<h1><span lang="en">${OutOfCredit.title}</span></h1>`)
  })

  it("a locale without built-in titles (it): the default locale's title, marked with its language", async () => {
    const body = await page('/problems/not-found', 'it')
    expect(body).toMatch(/^<!doctype html>\n<html lang="it">/)
    expect(body).toContain('<h2><span lang="en">Headers</span></h2>')
    expect(body).toContain('<h1><span lang="en">Not Found</span></h1>')
  })

  it('a type without description or resolution has no such sections, localized or not', () => {
    const Bare = defineProblem({ name: 'Bare', status: 409, type: `${TYPE_BASE_URL}/bare`, title: 'Bare conflict' })
    const site = docsSite({ catalog: [Bare] }, { typeBaseUrl: TYPE_BASE_URL, localization: sealLocalization(resolveLocalization(DOCS_LOCALIZATION)) })
    const page = site.languages!.documents.get('de')!.get('bare')!.html
    expect(page).toContain('<h1><span lang="en">Bare conflict</span></h1>')
    expect(page).not.toContain('What happened')
    expect(page).not.toContain('What you can do')
  })

  it('a language whose tag starts like the default one (eo, en) is another language: marked', () => {
    const localization = resolveLocalization({ locales: ['en', 'eo'] })!
    const entry = docsSite({}, { typeBaseUrl: TYPE_BASE_URL }).catalog.entries.find((candidate) => candidate.status === 404)!
    expect(localizedTexts(entry, 'eo', localization).title).toEqual({ text: 'Not Found', lang: 'en' })
    expect(localizedTexts(entry, 'en', localization).title).toEqual({ text: 'Not Found', lang: undefined })
  })

  it('an English page has no lang marks', async () => {
    const body = await page('/problems/out-of-credit', 'en-GB')
    expect(body).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(body).not.toContain('<span lang=')
    expect(body).not.toContain('<p lang=')
  })

  it('the JSON entry carries the localized title, description and resolution', async () => {
    const entry = JSON.parse(await page('/problems/out-of-credit', 'de-AT', 'application/json'))
    expect(entry).toMatchObject({
      type: OutOfCredit.type,
      title: 'Guthaben reicht leider nicht',
      description: 'Das Guthaben des Kontos deckt den Preis der Anfrage nicht.',
      status: 403,
      code: OutOfCredit.code,
    })
  })
})

describe('without localization, nothing changes', () => {
  it('the default-locale documents of an English localized site are the unlocalized ones, byte for byte, for every type without a catalog entry', () => {
    const plain = docsSite({ catalog: [...CATALOG] }, { typeBaseUrl: TYPE_BASE_URL })
    const localized = docsSite({ catalog: [...CATALOG] }, { typeBaseUrl: TYPE_BASE_URL, localization: sealLocalization(resolveLocalization({ locales: ['en', 'de'] })) })
    expect(plain.languages).toBeUndefined()
    expect([...localized.documents.keys()]).toEqual([...plain.documents.keys()])
    for (const [name, document] of plain.documents) expect(localized.documents.get(name), name).toEqual(document)
  })

  it('no Content-Language, Vary: Accept only', async () => {
    const answer = await viaExpress('/problems/not-found', { 'accept-language': 'de' }, { typeBaseUrl: TYPE_BASE_URL, docs: {} })
    expect(answer.headers['content-language']).toBeUndefined()
    expect(answer.headers.vary).toBe('Accept')
    expect(answer.body).toContain('<h1>Not Found</h1>')
  })
})
