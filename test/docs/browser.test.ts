// The docs pages in a real headless Chromium, from a running service on 127.0.0.1: links followed,
// axe-core (WCAG 2.1 AA) on every page in light and dark mode, the CSP holding with no console
// errors, no request leaving the page's origin, hostile strings shown as text, readable on a phone.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import problems from '../../src/index.js'
import type { LocalizationOptions } from '../../src/i18n/localization.js'
import { CATALOG, HOSTILE, OutOfCredit, TYPE_BASE_URL } from '../fixtures/catalog.js'

const CHROMIUM = '/usr/bin/chromium'
const HAS_BROWSER = existsSync(CHROMIUM)
if (!HAS_BROWSER) {
  console.log(`docs browser tests skipped: ${CHROMIUM} is missing; run \`apt-get update && apt-get install -y chromium\`, then npx vitest run test/docs/browser.test.ts`)
}

/** German beside English: the catalog's German text for one declared type, the built-in words and titles for the rest. */
const GERMAN: LocalizationOptions = {
  locales: ['en', 'de'],
  messages: {
    de: {
      [OutOfCredit.type]: {
        title: 'Guthaben reicht nicht',
        description: 'Das Guthaben des Kontos deckt den Preis der Anfrage nicht.',
        resolution: 'Laden Sie das Konto auf, oder stellen Sie eine günstigere Anfrage.',
      },
    },
  },
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
// The index, the declared types, and status pages of each shape (with a required header, an
// optional one, a server error): every page comes from the same two templates.
const AXE_PAGES = ['/problems/', '/problems/out-of-credit', '/problems/hostile', '/problems/method-not-allowed', '/problems/unauthorized', '/problems/internal-server-error']

describe.skipIf(!HAS_BROWSER)('docs pages in headless Chromium (in-page code reads the DOM through globalThis: this project compiles without the DOM lib)', { timeout: 120_000 }, () => {
  let app: FastifyInstance
  let origin: string
  let browser: Browser
  let context: BrowserContext
  const consoleMessages: string[] = []
  const foreignRequests: string[] = []

  beforeAll(async () => {
    app = Fastify()
    // Localized (en, the default, and de): a browser that asks for English gets the pages as they always were.
    await app.register(problems, { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [...CATALOG] }, localization: GERMAN })
    origin = await app.listen({ host: '127.0.0.1', port: 0 })
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    context = await browser.newContext()
    context.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`))
    context.on('weberror', (error) => consoleMessages.push(`pageerror: ${error.error().message}`))
    // Nothing may leave the service: every other request is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${origin}/`)) return route.continue()
      foreignRequests.push(url)
      return route.abort()
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  async function open(path: string): Promise<Page> {
    const page = await context.newPage()
    const response = await page.goto(`${origin}${path}`)
    expect(response?.status()).toBe(200)
    return page
  }

  async function axeViolations(page: Page): Promise<string[]> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself runs no script.
    await page.evaluate(AXE_SOURCE)
    const results = await page.evaluate(
      (tags) => (globalThis as any).axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: tags } }),
      WCAG_21_AA,
    )
    return (results as { violations: { id: string; nodes: { target: string[] }[] }[] }).violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
  }

  it('serves the index, and every link on it opens a page with one h1 and a way back', async () => {
    const index = await open('/problems')
    expect(await index.locator('main h1').textContent()).toBe('Problem types')
    expect(await index.locator('header nav').count()).toBe(1)
    const hrefs = await index.locator('main a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    expect(hrefs).toHaveLength(CATALOG.length + 40)
    const page = await context.newPage()
    for (const href of hrefs) {
      expect((await page.goto(`${origin}${href}`))?.status(), href).toBe(200)
      expect(await page.locator('main h1').count()).toBe(1)
      expect(await page.locator('nav a').getAttribute('href')).toBe('/problems/')
    }
    // Back to the index through a page's own navigation.
    await page.locator('nav a').click()
    expect(new URL(page.url()).pathname).toBe('/problems/')
    await page.close()
    await index.close()
  })

  it.each(AXE_PAGES)('%s: zero axe-core violations (WCAG 2.1 AA) in light and dark', async (path) => {
    const page = await open(path)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(await axeViolations(page), colorScheme).toEqual([])
    }
    await page.close()
  })

  it('reaches a type page by clicking its link, and its type URI names that page', async () => {
    const index = await open('/problems/')
    await index.getByRole('link', { name: 'You do not have enough credit' }).click()
    expect(index.url()).toBe(`${origin}/problems/out-of-credit`)
    const typeUri = await index.locator('dd code').first().textContent()
    expect(new URL(typeUri!).pathname).toBe(new URL(index.url()).pathname)
    await index.close()
  })

  it('renders light and dark from prefers-color-scheme', async () => {
    const page = await open('/problems/not-found')
    const background = (): Promise<string> => page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await background()).toBe('rgb(255, 255, 255)')
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background()).toBe('rgb(22, 23, 27)')
    await page.close()
  })

  it('applies the inline stylesheet (allowed by its hash) and reports a tampered one as a CSP violation', async () => {
    const page = await open('/problems/not-found')
    expect(await page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.querySelector('main')!).maxWidth)).not.toBe('none')
    await page.close()
    // The same page with one changed byte in its stylesheet: the hash no longer matches, Chromium refuses it.
    // In a context of its own, so its console errors stay apart from the ones that must not happen.
    const tamperedContext = await browser.newContext()
    const tampered = await tamperedContext.newPage()
    const messages: string[] = []
    tampered.on('console', (message) => messages.push(message.text()))
    await tampered.route(`${origin}/problems/gone`, async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, body: (await response.text()).replace('box-sizing:border-box', 'box-sizing:content-box') })
    })
    await tampered.goto(`${origin}/problems/gone`)
    expect(await tampered.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.querySelector('main')!).maxWidth)).toBe('none')
    expect(messages.some((text) => text.includes('Content Security Policy'))).toBe(true)
    await tamperedContext.close()
  })

  it('shows hostile strings as text and runs no script', async () => {
    const page = await open('/problems/hostile')
    expect(await page.locator('h1').textContent()).toBe(`Title ${HOSTILE}`)
    expect(await page.locator('main').textContent()).toContain(`Member ${HOSTILE}`)
    expect(await page.evaluate(() => (globalThis as any).document.scripts.length)).toBe(0)
    await page.close()
  })

  it('logged no console message (CSP or other) and sent no request off the service', () => {
    expect(consoleMessages).toEqual([])
    expect(foreignRequests).toEqual([])
  })

  it('a browser that asks for German gets German pages: lang="de", German titles and texts, English passages marked, zero axe-core violations', async () => {
    const german = await browser.newContext({ locale: 'de-DE' })
    const refused: string[] = []
    await german.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : (refused.push(route.request().url()), route.abort())))
    const page = await german.newPage()
    const response = await page.goto(`${origin}/problems/`)
    expect(response?.headers()['content-language']).toBe('de')
    expect(await page.locator('html').getAttribute('lang')).toBe('de')
    // The page's own words are English, marked as such.
    expect(await page.locator('main h1 span[lang="en"]').textContent()).toBe('Problem types')
    expect(await page.getByRole('link', { name: 'Zu viele Anfragen' }).count()).toBe(1)
    await page.getByRole('link', { name: 'Guthaben reicht nicht' }).click()
    expect(new URL(page.url()).pathname).toBe('/problems/out-of-credit')
    expect(await page.locator('main h1').textContent()).toBe('Guthaben reicht nicht')
    expect(await page.locator('main p').first().textContent()).toBe('Das Guthaben des Kontos deckt den Preis der Anfrage nicht.')
    for (const path of ['/problems/', '/problems/out-of-credit', '/problems/hostile', '/problems/too-many-requests']) {
      await page.goto(`${origin}${path}`)
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([])
      }
    }
    // The declared type without German text: its English title is marked as English.
    await page.goto(`${origin}/problems/hostile`)
    expect(await page.locator('main h1 span[lang="en"]').textContent()).toBe(`Title ${HOSTILE}`)
    await german.close()
    expect(refused).toEqual([])
  })

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })
    for (const path of ['/problems/', '/problems/out-of-credit', '/problems/hostile', '/problems/method-not-allowed']) {
      const page = await phone.newPage()
      await page.goto(`${origin}${path}`)
      const widths = await page.evaluate(() => [(globalThis as any).document.documentElement.scrollWidth, (globalThis as any).innerWidth])
      expect(widths[0], path).toBeLessThanOrEqual(widths[1]!)
      await page.close()
    }
    await phone.close()
  })
})
