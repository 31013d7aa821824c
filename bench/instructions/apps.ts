/**
 * The apps whose answers `npm run bench:instructions` counts, with the status each must answer
 * (a wrong status fails the run rather than count the wrong path). Names are `FASTIFY_APPS` keys.
 */
export const INSTRUCTION_APPS = {
  plain: { expected: 200, description: 'the plain reply of the same bytes (the ceiling)' },
  'ours-throw': { expected: 404, description: 'the throw path: throw new NotFound(...)' },
  'ours-reply': { expected: 404, description: 'the reply path: reply.problem(404, ...)' },
  'ours-throw-localized': { expected: 404, description: 'the throw path answered in German (localization)' },
  'ours-500': { expected: 500, description: 'the 500 path: an unexpected Error' },
  'default-500': { expected: 500, description: "Fastify's default handler answering the same Error" },
  'ours-throw-docs': { expected: 404, description: 'the throw path with the problem catalog served (`docs`)' },
  'ours-500-postgres-rules': { expected: 500, description: 'the 500 path with `map: postgresRules`, no rule matching' },
} as const

/** Name of a counted app. */
export type InstructionApp = keyof typeof INSTRUCTION_APPS

/** Names the driver gives callgrind's two dumps, which the harness reads back. */
export const EMPTY_WINDOW = 'empty-window'
export const COUNTED_WINDOW = 'counted-window'
