/**
 * The apps whose answers `npm run bench:instructions` counts, with the status each must answer
 * (a wrong status fails the run rather than count the wrong path). `app` names a `FASTIFY_APPS`
 * builder; `listener` names an Express, Hono or Koa variant of `npm run bench:ab`, driven as a
 * Node request listener by light-my-request. `logging` gives it pino at info into /dev/null, as
 * the `+log` variants of `npm run bench:paired` have. Each app's ratio is to its `base`: the plain
 * reply of the same framework with the same logging, so that a logged app is not charged for the
 * logger every answer pays, nor a Hono app for Hono.
 */
import type { FastifyAppName } from '../apps/fastify-apps.js'

interface CountedApp {
  logging: boolean
  /** The app whose instructions per answer this one's ratio is taken to. */
  base: 'plain' | 'plain+log' | 'express-plain' | 'hono-plain' | 'koa-plain'
  expected: number
  description: string
}

/** One counted app: a Fastify app, or another framework's request listener. */
export type InstructionAppSpec = CountedApp & ({ app: FastifyAppName } | { listener: 'express' | 'hono' | 'koa'; variant: string })

export const INSTRUCTION_APPS = {
  plain: { app: 'plain', logging: false, base: 'plain', expected: 200, description: 'the plain reply of the same bytes (the ceiling)' },
  'ours-throw': { app: 'ours-throw', logging: false, base: 'plain', expected: 404, description: 'the throw path: throw new NotFound(...)' },
  'ours-reply': { app: 'ours-reply', logging: false, base: 'plain', expected: 404, description: 'the reply path: reply.problem(404, ...)' },
  'ours-throw-localized': { app: 'ours-throw-localized', logging: false, base: 'plain', expected: 404, description: 'the throw path answered in German (localization)' },
  'ours-500': { app: 'ours-500', logging: false, base: 'plain', expected: 500, description: 'the 500 path: an unexpected Error' },
  'default-500': { app: 'default-500', logging: false, base: 'plain', expected: 500, description: "Fastify's default handler answering the same Error" },
  'ours-throw-docs': { app: 'ours-throw-docs', logging: false, base: 'plain', expected: 404, description: 'the throw path with the problem catalog served (`docs`)' },
  'ours-500-postgres-rules': { app: 'ours-500-postgres-rules', logging: false, base: 'plain', expected: 500, description: 'the 500 path with `map: postgresRules`, no rule matching' },
  'fastify-plain-404': { app: 'fastify-plain-404', logging: false, base: 'plain', expected: 404, description: "the 404 problem's bytes from the route, by hand (no target)" },
  'fastify-onerror-404': { app: 'fastify-onerror-404', logging: false, base: 'plain', expected: 404, description: 'NotFound thrown, a hand-written handler writing the same bytes (no target)' },
  'fastify-onerror-500': { app: 'fastify-onerror-500', logging: false, base: 'plain', expected: 500, description: "the Error, a hand-written handler writing our 500's bytes (no target)" },
  'plain+log': { app: 'plain', logging: true, base: 'plain+log', expected: 200, description: 'the plain reply, pino at info (the base of the logged apps)' },
  'success-plugin+log': { app: 'success-plugin', logging: true, base: 'plain+log', expected: 200, description: 'the same success answer with the plugin registered, pino at info' },
  'ours-500+log': { app: 'ours-500', logging: true, base: 'plain+log', expected: 500, description: 'the 500 path, pino at info: the stack logged' },
  'default-500+log': { app: 'default-500', logging: true, base: 'plain+log', expected: 500, description: "Fastify's default handler answering the same Error, pino at info" },
  'fastify-onerror-500+log': { app: 'fastify-onerror-500', logging: true, base: 'plain+log', expected: 500, description: "the same hand-written 500, logged at error, pino at info (no target)" },
  'express-plain': { listener: 'express', variant: 'express-plain', logging: false, base: 'express-plain', expected: 200, description: 'Express: the plain reply of the same members' },
  'express-ours': { listener: 'express', variant: 'express-ours', logging: false, base: 'express-plain', expected: 404, description: 'Express: our errorHandler, NotFound thrown' },
  'express-ours-foreign': { listener: 'express', variant: 'express-ours-foreign', logging: false, base: 'express-plain', expected: 404, description: 'Express: our errorHandler, http-errors 404 thrown' },
  'express-ours-500': { listener: 'express', variant: 'express-ours-500', logging: false, base: 'express-plain', expected: 500, description: 'Express: our errorHandler, an Error -> 500' },
  'express-plain-404': { listener: 'express', variant: 'express-plain-404', logging: false, base: 'express-plain', expected: 404, description: "Express: the 404 problem's bytes from the route, by hand (no target)" },
  'express-onerror-404': { listener: 'express', variant: 'express-onerror-404', logging: false, base: 'express-plain', expected: 404, description: 'Express: NotFound thrown, a hand-written handler writing the same bytes (no target)' },
  'express-onerror-foreign': { listener: 'express', variant: 'express-onerror-foreign', logging: false, base: 'express-plain', expected: 404, description: 'Express: http-errors 404 thrown, a hand-written handler writing the same bytes (no target)' },
  'express-onerror-500': { listener: 'express', variant: 'express-onerror-500', logging: false, base: 'express-plain', expected: 500, description: "Express: the Error, a hand-written handler writing our 500's bytes (no target)" },
  'hono-plain': { listener: 'hono', variant: 'hono-plain', logging: false, base: 'hono-plain', expected: 200, description: 'Hono on @hono/node-server: c.json of the same members' },
  'hono-ours': { listener: 'hono', variant: 'hono-ours', logging: false, base: 'hono-plain', expected: 404, description: 'Hono: our onError, NotFound thrown' },
  'hono-plain-404': { listener: 'hono', variant: 'hono-plain-404', logging: false, base: 'hono-plain', expected: 404, description: "Hono: c.json of the same bytes with the problem's status and headers" },
  'hono-onerror-404': { listener: 'hono', variant: 'hono-onerror-404', logging: false, base: 'hono-plain', expected: 404, description: 'Hono: NotFound thrown, a hand-written onError answering as hono-plain-404' },
  'koa-plain': { listener: 'koa', variant: 'koa-plain', logging: false, base: 'koa-plain', expected: 200, description: 'Koa with @koa/router: ctx.body of the same members' },
  'koa-ours': { listener: 'koa', variant: 'koa-ours', logging: false, base: 'koa-plain', expected: 404, description: 'Koa: our middleware, NotFound thrown' },
  'koa-plain-404': { listener: 'koa', variant: 'koa-plain-404', logging: false, base: 'koa-plain', expected: 404, description: "Koa: the same bytes with the problem's status and headers, by hand" },
  'koa-onerror-404': { listener: 'koa', variant: 'koa-onerror-404', logging: false, base: 'koa-plain', expected: 404, description: 'Koa: NotFound thrown, a hand-written middleware writing the same bytes (no target)' },
} as const satisfies Record<string, InstructionAppSpec>

/** Name of a counted app. */
export type InstructionApp = keyof typeof INSTRUCTION_APPS

/** True when `name` is a counted app. */
export function isInstructionApp(name: string): name is InstructionApp {
  return Object.hasOwn(INSTRUCTION_APPS, name)
}

/** Names the driver gives callgrind's two dumps, which the harness reads back. */
export const EMPTY_WINDOW = 'empty-window'
export const COUNTED_WINDOW = 'counted-window'
