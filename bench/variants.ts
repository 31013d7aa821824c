/**
 * The benchmark matrix: every variant once without a logger and once with pino at info into
 * /dev/null, each compared with the plain reply under the same logger. The targets of issue 4
 * are ratios between two variants measured in the same round.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BENCH_PATH } from './apps/members.js'

/** A server to start and load. */
export interface Variant {
  /** Unique id, e.g. `ours-throw+log`. */
  id: string
  /** The app builder's name (see bench/apps). */
  app: string
  /** Which builder family: Fastify, or Express, Hono or Koa when their adapter exists in src/. */
  framework: 'fastify' | 'express' | 'hono' | 'koa'
  /** Pino at info into /dev/null. */
  logging: boolean
  /** Status every response must have; a mismatch marks the measurement invalid. */
  status: number
  /** The variant this one's ratio is taken against (the plain reply with the same logger). */
  baseline: string
  /** What it measures, for the table. */
  description: string
}

interface VariantSpec {
  /** Id, when it is not the app's name (a second process of the same app). */
  id?: string
  app: string
  framework: Variant['framework']
  status: number
  description: string
}

const FASTIFY_SPECS: VariantSpec[] = [
  { app: 'plain', status: 200, description: 'plain reply of the same members (ceiling)' },
  {
    id: 'plain-control',
    app: 'plain',
    status: 200,
    description: 'control: the same plain reply in a second process (shows the noise)',
  },
  { app: 'success-plugin', status: 200, description: 'same plain reply, our plugin registered' },
  { app: 'default-http-errors', status: 404, description: 'Fastify default handler, http-errors 404' },
  { app: 'sensible', status: 404, description: '@fastify/sensible httpErrors.notFound' },
  { app: 'boom', status: 404, description: '@hapi/boom + small setErrorHandler' },
  { app: 'naive-handler', status: 404, description: 'hand-written RFC 9457 handler, JSON.stringify' },
  { app: 'ours-throw', status: 404, description: 'ours: throw new NotFound(...)' },
  { app: 'ours-throw-stack', status: 404, description: 'ours: the same, 4xx stack capture on (as before)' },
  { app: 'ours-throw-docs', status: 404, description: 'ours: the same, with the problem catalog served (docs)' },
  { app: 'ours-throw-localized', status: 404, description: 'ours: the same, answered in German (localization)' },
  { app: 'ours-reply', status: 404, description: 'ours: return reply.problem(404, ...)' },
  { app: 'default-500', status: 500, description: 'Fastify default handler, plain Error' },
  { app: 'ours-500', status: 500, description: 'ours: plain Error -> 500, stack logged' },
  { app: 'ours-500-postgres-rules', status: 500, description: 'ours: the same, postgresRules tried, none matching' },
  { app: 'fastify-plain-404', status: 404, description: "the 404 problem's status, headers and body from the route, by hand" },
  { app: 'fastify-onerror-404', status: 404, description: 'NotFound thrown, a hand-written error handler answering as fastify-plain-404' },
  { app: 'fastify-onerror-500', status: 500, description: "plain Error, a hand-written error handler writing our 500's bytes, logged at error" },
].map((spec) => ({ ...spec, framework: 'fastify' as const }))

const EXPRESS_SPECS: VariantSpec[] = [
  { app: 'express-plain', status: 200, description: 'Express: plain reply of the same members' },
  { app: 'express-naive', status: 404, description: 'Express: hand-written JSON error handler' },
  { app: 'express-ours', status: 404, description: 'Express: our errorHandler' },
  { app: 'express-ours-foreign', status: 404, description: 'Express: our errorHandler, http-errors 404 thrown' },
  { app: 'express-ours-500', status: 500, description: 'Express: our errorHandler, plain Error -> 500' },
  { app: 'express-plain-404', status: 404, description: "Express: the 404 problem's status, headers and body from the route, by hand" },
  { app: 'express-onerror-404', status: 404, description: 'Express: NotFound thrown, a hand-written handler answering as express-plain-404' },
  { app: 'express-onerror-foreign', status: 404, description: 'Express: http-errors 404 thrown, a hand-written handler answering as express-plain-404' },
  { app: 'express-onerror-500', status: 500, description: "Express: plain Error, a hand-written handler writing our 500's bytes, logged at error" },
].map((spec) => ({ ...spec, framework: 'express' as const }))

const WEB_FRAMEWORK_SPECS: VariantSpec[] = [
  { app: 'hono-plain', framework: 'hono', status: 200, description: 'Hono: plain c.json of the same members' },
  { app: 'hono-ours', framework: 'hono', status: 404, description: 'Hono: our onError (http-problems/fetch)' },
  { app: 'koa-plain', framework: 'koa', status: 200, description: 'Koa: plain ctx.body of the same members' },
  { app: 'koa-ours', framework: 'koa', status: 404, description: 'Koa: our middleware (http-problems/koa)' },
  { app: 'hono-plain-404', framework: 'hono', status: 404, description: "Hono: c.json of the same bytes with the problem's status and headers" },
  { app: 'hono-onerror-404', framework: 'hono', status: 404, description: 'Hono: NotFound thrown, a hand-written onError answering as hono-plain-404' },
  { app: 'koa-plain-404', framework: 'koa', status: 404, description: "Koa: the same bytes with the problem's status and headers, by hand" },
  { app: 'koa-onerror-404', framework: 'koa', status: 404, description: 'Koa: NotFound thrown, a hand-written middleware answering as koa-plain-404' },
]

/** True once the Express adapter (written alongside this work) exists in src/express. */
export function hasExpressAdapter(): boolean {
  return existsSync(fileURLToPath(new URL('../src/express/index.ts', import.meta.url)))
}

function expand(spec: VariantSpec, logging: boolean): Variant {
  const suffix = logging ? '+log' : ''
  return {
    id: `${spec.id ?? spec.app}${suffix}`,
    app: spec.app,
    framework: spec.framework,
    logging,
    status: spec.status,
    baseline: `${spec.framework === 'fastify' ? 'plain' : `${spec.framework}-plain`}${suffix}`,
    description: spec.description + (logging ? `, ${spec.framework === 'express' ? 'pino-http' : 'pino'} info to /dev/null` : ''),
  }
}

/** Every variant, without and with logging, Express pairs included when the adapter exists. */
export function allVariants(): Variant[] {
  const specs = hasExpressAdapter() ? [...FASTIFY_SPECS, ...EXPRESS_SPECS, ...WEB_FRAMEWORK_SPECS] : FASTIFY_SPECS
  return [
    ...specs.map((spec) => expand(spec, false)),
    ...specs.map((spec) => expand(spec, true)),
  ]
}

/**
 * The variants whose id contains one of `only` (all when empty), plus the baselines they need:
 * a ratio is only meaningful against a baseline measured in the same rounds.
 */
export function selectVariants(only: readonly string[]): Variant[] {
  const all = allVariants()
  if (only.length === 0) return all
  const wanted = new Set(all.filter((v) => only.some((part) => v.id.includes(part))).map((v) => v.id))
  for (const variant of all) if (wanted.has(variant.id)) wanted.add(variant.baseline)
  return all.filter((variant) => wanted.has(variant.id))
}

/** The one URL path loaded on every server. */
export const LOAD_PATH = BENCH_PATH
