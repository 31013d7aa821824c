/**
 * The problem catalog: one registry of a service's problem types (every status class, plus the
 * `defineProblem` types it declares) with their documentation. The docs pages, the static export,
 * the per-route OpenAPI responses and the typed client all read it; none keeps its own list.
 */
import { PROBLEM_CLASSES } from '../classes.js'
import { DEFAULT_CORRELATION_HEADER } from '../correlation.js'
import { HttpProblem, type ProblemOptions } from '../problem.js'
import { renderProblem } from '../render.js'
import { deepFreeze } from '../schema.js'
import { slugFromTitle, statusEntry } from '../statuses.js'
import { UsageError, invalidOption } from '../usage-error.js'
import type { ExtensionSchema } from './extension-schema.js'
import { problemTypeFacts, type ProblemType, type ProblemTypeFacts } from './problem-type.js'

/** A header a problem type's answers carry. */
export interface CatalogHeader {
  /** Header name, e.g. `Retry-After`. */
  readonly name: string
  /** Whether every answer of this type carries it. */
  readonly required: boolean
}

/** One documented problem type. */
export interface CatalogEntry {
  /** Class name, e.g. `NotFound`. */
  readonly name: string
  /** The `type` URI its bodies carry (`about:blank` for a status class without `typeBaseUrl`). */
  readonly type: string
  /** Its page's name: the last segment of the type URI (the status slug for a status class). */
  readonly slug: string
  readonly title: string
  readonly status: number
  readonly code: string
  /** What happened. */
  readonly description: string | undefined
  /** What the client can do. */
  readonly resolution: string | undefined
  /** The headers its answers carry besides `Content-Type` and `Vary`. */
  readonly headers: readonly CatalogHeader[]
  /** JSON Schema of its extension members. */
  readonly schema: ExtensionSchema
  /** An example body, as the renderer writes it. */
  readonly example: Readonly<Record<string, unknown>>
  /** True for the status classes of this package, false for `defineProblem` types. */
  readonly builtIn: boolean
  /** The class itself (for the typed client and `instanceof`). */
  readonly problemClass: ProblemType
}

/** Options of `problemCatalog`. */
export interface CatalogOptions {
  /** The `typeBaseUrl` of the services: gives the status classes their type URIs. */
  typeBaseUrl?: string | undefined
  /** The correlation id header name, listed among the headers. Default `x-correlation-id`. */
  correlationIdHeader?: string | undefined
}

/** A service's problem types with their documentation. */
export interface ProblemCatalog {
  /** Every status class in status order, then the declared types in the order given. */
  readonly entries: readonly CatalogEntry[]
  /** The entry whose `type` URI is `type` (never for `about:blank`). */
  find(type: string): CatalogEntry | undefined
}

/** Correlation id shown in example bodies. */
const EXAMPLE_CORRELATION_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
/** Request path shown as `instance` in example bodies. */
const EXAMPLE_INSTANCE = '/example'
const SAFE_SLUG = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/

/**
 * Builds the catalog of every status class plus `types` (`defineProblem` classes; status classes
 * in the list are already there and are skipped). Throws a coded `UsageError` for a value that
 * is not a problem class, and for two types with the same `type` URI or page name.
 *
 * @example
 * const catalog = problemCatalog([OutOfCredit], { typeBaseUrl: 'https://errors.example.com/problems' })
 * catalog.find('https://errors.example.com/problems/out-of-credit')?.resolution
 */
export function problemCatalog(types: readonly ProblemType[] = [], options: CatalogOptions = {}): ProblemCatalog {
  if (!Array.isArray(types)) invalidOption('catalog', 'a list of problem classes', types)
  const typeBaseUrl = options.typeBaseUrl?.replace(/\/+$/, '')
  const correlationIdHeader = options.correlationIdHeader ?? DEFAULT_CORRELATION_HEADER
  // Stryker disable next-line StringLiteral: the status classes are always problem classes; the option is never named
  const builtIns = Object.values(PROBLEM_CLASSES).map((problemClass) => problemTypeFacts(problemClass, 'catalog'))
  const declared = types
    .map((value, index) => problemTypeFacts(value, `catalog[${index}]`))
    .filter((facts) => facts.type !== undefined)
  const entries = [...builtIns, ...declared].map((facts) => entryFor(facts, typeBaseUrl, correlationIdHeader))
  checkUnique(entries)
  const byType = new Map(entries.filter((entry) => entry.type !== 'about:blank').map((entry) => [entry.type, entry]))
  return Object.freeze({ entries: Object.freeze(entries), find: (type: string) => byType.get(type) })
}

function entryFor(facts: ProblemTypeFacts, typeBaseUrl: string | undefined, correlationIdHeader: string): CatalogEntry {
  const row = statusEntry(facts.status)
  const builtIn = facts.type === undefined
  const slug = builtIn ? slugFromTitle(facts.title) : slugOf(facts.type!, facts.name)
  const type = facts.type ?? (typeBaseUrl === undefined ? 'about:blank' : `${typeBaseUrl}/${slug}`)
  const headers: CatalogHeader[] = []
  if (row !== undefined && 'field' in row) headers.push({ name: row.field.header, required: row.field.required })
  headers.push({ name: correlationIdHeader, required: true })
  const documented = deepFreeze({
    name: facts.name,
    type,
    slug,
    title: facts.title,
    status: facts.status,
    code: facts.code,
    // A status class always has its row in the table.
    description: facts.description ?? (builtIn ? row!.description : undefined),
    resolution: facts.resolution ?? (builtIn ? row!.resolution : undefined),
    headers,
    schema: facts.schema ?? { type: 'object', properties: {} },
    example: exampleBody(facts, typeBaseUrl, correlationIdHeader),
    builtIn,
  })
  // Shallow for the class: deep-freezing it would freeze the user's class.
  return Object.freeze({ ...documented, problemClass: facts.problemClass })
}

/** The body the renderer writes for the type's example (for a status class: a bare instance). */
function exampleBody(facts: ProblemTypeFacts, typeBaseUrl: string | undefined, correlationIdHeader: string): Record<string, unknown> {
  const problem =
    facts.type === undefined
      ? new HttpProblem(facts.status)
      : new (facts.problemClass as unknown as new (options: ProblemOptions) => HttpProblem)({ ...facts.example })
  const rendered = renderProblem(
    problem,
    // Stryker disable next-line StringLiteral: the method and the header defaults shape only headers, and the example is the body
    { method: 'GET', url: EXAMPLE_INSTANCE, correlationId: EXAMPLE_CORRELATION_ID },
    // Stryker disable next-line StringLiteral: the method and the header defaults shape only headers, and the example is the body
    { typeBaseUrl, exposeStack: false, wwwAuthenticate: 'Bearer', proxyAuthenticate: 'Basic', retryAfter: '60', correlationIdHeader },
  )
  return JSON.parse(rendered.body!) as Record<string, unknown>
}

/** The last path segment of a type URI, when it can name a page; else the class name as a slug. */
function slugOf(type: string, name: string): string {
  const path = type.split(/[?#]/)[0]!
  const last = path.split('/').filter((segment) => segment !== '').pop()
  return last !== undefined && SAFE_SLUG.test(last) && !last.includes(':') ? last : slugFromTitle(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'))
}

function checkUnique(entries: readonly CatalogEntry[]): void {
  const seen = new Map<string, string>()
  for (const entry of entries) {
    for (const key of [`type ${entry.type}`, `page ${entry.slug}`]) {
      if (key === 'type about:blank') continue
      const other = seen.get(key)
      if (other !== undefined) {
        throw new UsageError(
          'ERR_HTTP_PROBLEMS_INVALID_OPTION',
          `http-problems: option "catalog" has two problem types with the same ${key}: ${other} and ${entry.name}`,
        )
      }
      seen.set(key, entry.name)
    }
  }
}
