/**
 * Per-route OpenAPI problem responses: a route that declares the problems it answers with
 * (`config: { problems: [NotFound, OutOfCredit] }`) gets, with `openapi: true`, one response per
 * status, whose schema is the problem body with that type's `type` as a constant, its status,
 * its extension members (required as declared) and its catalog example. The generic `4xx`/`5xx`
 * responses stay beside them. Like the `openapi` hook, it runs once per route at registration.
 */
import type { FastifyInstance, RouteOptions } from 'fastify'
import { problemCatalog, type CatalogEntry } from '../catalog/catalog.js'
import type { ProblemType } from '../catalog/problem-type.js'
import type { RenderSettings } from '../render.js'
import { problemSchema } from '../schema.js'
import { invalidOption } from '../usage-error.js'

const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/** Adds the `onRoute` hook that documents each route's declared problems. */
export function documentDeclaredProblems(fastify: FastifyInstance, settings: Pick<RenderSettings, 'typeBaseUrl' | 'correlationIdHeader'>): void {
  // Entries are made once per class, not once per route that names it.
  const entries = new Map<ProblemType, CatalogEntry>()
  const entryOf = (problemClass: ProblemType): CatalogEntry => {
    let entry = entries.get(problemClass)
    if (entry === undefined) {
      const catalog = problemCatalog([problemClass], settings)
      entry = catalog.entries.find((candidate) => candidate.problemClass === problemClass)!
      entries.set(problemClass, entry)
    }
    return entry
  }
  fastify.addHook('onRoute', (route) => addDeclaredProblems(route, entryOf, settings.correlationIdHeader))
}

/**
 * Gives `route` one response per status of its `config.problems`, unless its schema already has
 * that status (the route's own choice wins). The schema objects are replaced, never edited.
 */
export function addDeclaredProblems(route: RouteOptions, entryOf: (problemClass: ProblemType) => CatalogEntry, correlationIdHeader: string): void {
  const declared = (route.config as { problems?: unknown } | undefined)?.problems
  if (declared === undefined) return
  if (!Array.isArray(declared) || declared.length === 0) {
    invalidOption('config.problems', `a non-empty list of problem classes (route ${route.method.toString()} ${route.url})`, declared)
  }
  const byStatus = new Map<number, CatalogEntry[]>()
  for (const problemClass of declared as ProblemType[]) {
    const entry = problemClass === undefined ? undefined : safeEntry(entryOf, problemClass)
    if (entry === undefined) invalidOption('config.problems', `problem classes (route ${route.method.toString()} ${route.url})`, problemClass)
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), entry])
  }
  const schema = route.schema ?? {}
  const response = (schema.response ?? {}) as Record<string, unknown>
  const added: Record<string, unknown> = {}
  for (const [status, entries] of byStatus) {
    if (!(String(status) in response)) added[String(status)] = declaredResponse(entries, correlationIdHeader)
  }
  route.schema = { ...schema, response: { ...response, ...added } }
}

function safeEntry(entryOf: (problemClass: ProblemType) => CatalogEntry, problemClass: ProblemType): CatalogEntry | undefined {
  try {
    return entryOf(problemClass)
  } catch {
    // Not a problem class: the caller names the option and the route.
    return undefined
  }
}

/** The OpenAPI response for the problem types of one status: one schema, or `oneOf` them. */
function declaredResponse(entries: readonly CatalogEntry[], correlationIdHeader: string): Record<string, unknown> {
  const schemas = entries.map(bodySchema)
  const media: Record<string, unknown> =
    entries.length === 1
      ? { schema: schemas[0], example: entries[0]!.example }
      : { schema: { oneOf: schemas }, examples: Object.fromEntries(entries.map((entry) => [entry.name, { summary: entry.title, value: entry.example }])) }
  const headers: Record<string, unknown> = {}
  for (const entry of entries) {
    for (const header of entry.headers) headers[header.name] = { type: 'string', description: headerDescription(header.name, correlationIdHeader) }
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
