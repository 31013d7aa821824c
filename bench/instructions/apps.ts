/**
 * The apps whose answers `npm run bench:instructions` counts, with the status each must answer
 * (a wrong status fails the run rather than count the wrong path). `app` names a `FASTIFY_APPS`
 * builder; `logging` gives it pino at info into /dev/null, as the `+log` variants of
 * `npm run bench:paired` have. Each app's ratio is to its `base`: the plain reply with the same
 * logging, so that a logged app is not charged for the logger every answer pays.
 */
import type { FastifyAppName } from '../apps/fastify-apps.js'

/** One counted app. */
export interface InstructionAppSpec {
  app: FastifyAppName
  logging: boolean
  /** The app whose instructions per answer this one's ratio is taken to. */
  base: 'plain' | 'plain+log'
  expected: number
  description: string
}

export const INSTRUCTION_APPS = {
  plain: { app: 'plain', logging: false, base: 'plain', expected: 200, description: 'the plain reply of the same bytes (the ceiling)' },
  'ours-throw': { app: 'ours-throw', logging: false, base: 'plain', expected: 404, description: 'the throw path: throw new NotFound(...)' },
  'ours-reply': { app: 'ours-reply', logging: false, base: 'plain', expected: 404, description: 'the reply path: reply.problem(404, ...)' },
  'ours-throw-localized': { app: 'ours-throw-localized', logging: false, base: 'plain', expected: 404, description: 'the throw path answered in German (localization)' },
  'ours-500': { app: 'ours-500', logging: false, base: 'plain', expected: 500, description: 'the 500 path: an unexpected Error' },
  'default-500': { app: 'default-500', logging: false, base: 'plain', expected: 500, description: "Fastify's default handler answering the same Error" },
  'ours-throw-docs': { app: 'ours-throw-docs', logging: false, base: 'plain', expected: 404, description: 'the throw path with the problem catalog served (`docs`)' },
  'ours-500-postgres-rules': { app: 'ours-500-postgres-rules', logging: false, base: 'plain', expected: 500, description: 'the 500 path with `map: postgresRules`, no rule matching' },
  'plain+log': { app: 'plain', logging: true, base: 'plain+log', expected: 200, description: 'the plain reply, pino at info (the base of the logged apps)' },
  'success-plugin+log': { app: 'success-plugin', logging: true, base: 'plain+log', expected: 200, description: 'the same success answer with the plugin registered, pino at info' },
  'ours-500+log': { app: 'ours-500', logging: true, base: 'plain+log', expected: 500, description: 'the 500 path, pino at info: the stack logged' },
  'default-500+log': { app: 'default-500', logging: true, base: 'plain+log', expected: 500, description: "Fastify's default handler answering the same Error, pino at info" },
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
