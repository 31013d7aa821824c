/**
 * Per-route OpenAPI problem responses: a route that declares the problems it answers with
 * (`config: { problems: [NotFound, OutOfCredit] }`) gets, with `openapi: true`, one response per
 * status, whose schema is the problem body with that type's `type` as a constant, its status,
 * its extension members (required as declared) and its catalog example. The generic `4XX`/`5XX`
 * responses stay beside them. They travel as the `openapi` option's responses do (openapi.ts):
 * never through the route's `schema.response`, so every type provider accepts them.
 */
import type { RouteOptions } from 'fastify'
import { problemCatalog, type CatalogEntry } from '../catalog/catalog.js'
import type { ProblemType } from '../catalog/problem-type.js'
import type { RenderSettings } from '../render.js'
import { problemSchema } from '../schema.js'
import { invalidOption } from '../usage-error.js'
import type { OpenApiResponse } from './openapi.js'

const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/** The catalog entry of a problem class; throws for anything that is not one. */
export type EntryOf = (problemClass: ProblemType) => CatalogEntry

/** Catalog entries made once per class, not once per route that names it. */
export function catalogEntries(settings: Pick<RenderSettings, 'typeBaseUrl' | 'correlationIdHeader'>): EntryOf {
  const entries = new Map<ProblemType, CatalogEntry>()
  return (problemClass) => {
    let entry = entries.get(problemClass)
    // Stryker disable next-line ConditionalExpression: the cache only spares building the entry again; problemCatalog builds an equal one for the same class and settings
    if (entry === undefined) {
      const catalog = problemCatalog([problemClass], settings)
      entry = catalog.entries.find((candidate) => candidate.problemClass === problemClass)!
      entries.set(problemClass, entry)
    }
    return entry
  }
}

/**
 * One OpenAPI response per status of `route`'s `config.problems` (none without it). A status the
 * route documents in its own `schema.response` keeps the route's (see `moveProblemResponses`).
 */
export function declaredProblemResponses(route: RouteOptions, entryOf: EntryOf, correlationIdHeader: string): Record<string, OpenApiResponse> {
  const declared = (route.config as { problems?: unknown } | undefined)?.problems
  if (declared === undefined) return {}
  if (!Array.isArray(declared) || declared.length === 0) {
    invalidOption('config.problems', `a non-empty list of problem classes (route ${route.method.toString()} ${route.url})`, declared)
  }
  const byStatus = new Map<number, CatalogEntry[]>()
  for (const problemClass of declared as ProblemType[]) {
    // Stryker disable next-line ConditionalExpression: entryOf(undefined) throws as for any other non-class, and safeEntry answers undefined for that too
    const entry = problemClass === undefined ? undefined : safeEntry(entryOf, problemClass)
    if (entry === undefined) invalidOption('config.problems', `problem classes (route ${route.method.toString()} ${route.url})`, problemClass)
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), entry])
  }
  const responses: Record<string, OpenApiResponse> = {}
  for (const [status, entries] of byStatus) responses[String(status)] = declaredResponse(entries, correlationIdHeader)
  return responses
}

function safeEntry(entryOf: EntryOf, problemClass: ProblemType): CatalogEntry | undefined {
  try {
    return entryOf(problemClass)
  }
  // Stryker disable next-line BlockStatement: an empty catch returns undefined as well
  catch {
    // Not a problem class: the caller names the option and the route.
    return undefined
  }
}

/** The OpenAPI response for the problem types of one status: one schema, or `oneOf` them. */
function declaredResponse(entries: readonly CatalogEntry[], correlationIdHeader: string): OpenApiResponse {
  const schemas = entries.map(bodySchema)
  const media =
    entries.length === 1
      ? { schema: schemas[0]!, example: entries[0]!.example }
      : { schema: { oneOf: schemas }, examples: Object.fromEntries(entries.map((entry) => [entry.name, { summary: entry.title, value: entry.example }])) }
  const headers: NonNullable<OpenApiResponse['headers']> = {}
  for (const entry of entries) {
    for (const header of entry.headers) headers[header.name] = { description: headerDescription(header.name, correlationIdHeader), schema: { type: 'string' } }
  }
  return {
    description: entries.map((entry) => (entry.description === undefined ? entry.title : `${entry.title}: ${entry.description}`)).join(' | '),
    headers,
    content: { [PROBLEM_MEDIA_TYPE]: media },
  }
}

/** The problem body of one type: the standard members, its type and status as constants, its members. */
function bodySchema(entry: CatalogEntry): Record<string, unknown> {
  return structuredClone({
    ...problemSchema,
    title: entry.name,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    required: [...new Set([...problemSchema.required, ...(entry.schema.required ?? [])])],
    properties: {
      ...problemSchema.properties,
      ...entry.schema.properties,
      // `enum` of one value: `const` is not in OpenAPI 3.0.
      type: { ...problemSchema.properties.type, enum: [entry.type] },
      status: { ...problemSchema.properties.status, enum: [entry.status] },
    },
  })
}

function headerDescription(name: string, correlationIdHeader: string): string {
  return name === correlationIdHeader
    ? "The correlation id of the request; the same value as the body's `correlationId`."
    : `Sent as the standards ask for this status (see the problem type's documentation).`
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The problems this route answers with, documented one response per status when the plugin
     * has `openapi: true` (status classes such as `NotFound`, `defineProblem` classes).
     */
    problems?: readonly ProblemType[]
  }
}
