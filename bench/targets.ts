/**
 * The targets of issue 4, each a ratio of two variants' throughput measured in the same round.
 * A target is checked on the median of its per-round ratios.
 */

/** One target: `numerator` must reach at least `min` times `denominator`. */
export interface Target {
  description: string
  numerator: string
  denominator: string
  min: number
}

/** The targets of issues 4 and 17 (which raised the throw path to 0.9x and set the 500 path at parity), in their order. */
export const TARGETS: readonly Target[] = [
  { description: 'throw path vs plain reply', numerator: 'ours-throw', denominator: 'plain', min: 0.9 },
  {
    description: 'throw path vs Fastify default + http-errors',
    numerator: 'ours-throw',
    denominator: 'default-http-errors',
    min: 1.8,
  },
  { description: 'reply path vs plain reply', numerator: 'ours-reply', denominator: 'plain', min: 0.9 },
  {
    description: 'localized throw path vs the English one (issue 14)',
    numerator: 'ours-throw-localized',
    denominator: 'ours-throw',
    min: 0.9,
  },
  {
    description: 'throw path vs Fastify default, pino info',
    numerator: 'ours-throw+log',
    denominator: 'default-http-errors+log',
    min: 2,
  },
  {
    description: '500 path vs Fastify default plain Error, pino info',
    numerator: 'ours-500+log',
    denominator: 'default-500+log',
    min: 1,
  },
  {
    description: '500 path vs Fastify default plain Error, no logger',
    numerator: 'ours-500',
    denominator: 'default-500',
    min: 1,
  },
  { description: 'success path, plugin vs none', numerator: 'success-plugin', denominator: 'plain', min: 0.98 },
  {
    description: 'non-matching throw path, postgresRules on vs off (issue 13)',
    numerator: 'ours-500-postgres-rules',
    denominator: 'ours-500',
    min: 0.98,
  },
  { description: 'Express error path vs its plain reply (issue 17)', numerator: 'express-ours', denominator: 'express-plain', min: 1 },
  { description: 'Express, a thrown http-errors 404 vs its plain reply (issue 17)', numerator: 'express-ours-foreign', denominator: 'express-plain', min: 1 },
  { description: 'Express, a 500 vs its plain reply (issue 17)', numerator: 'express-ours-500', denominator: 'express-plain', min: 1 },
  { description: 'Hono error path vs its plain reply (issue 16)', numerator: 'hono-ours', denominator: 'hono-plain', min: 0.8 },
  { description: 'Koa error path vs its plain reply (issue 16)', numerator: 'koa-ours', denominator: 'koa-plain', min: 0.8 },
  // Not targets (`min: 0`): how the targets' gap splits between the wire shape (status and headers)
  // and the library. See BENCHMARKS.md, "Hono and Koa: the wire shape and the library" and
  // "Fastify and Express: the wire shape, the throw and the library".
  { description: "Fastify, the 404 problem's bytes by hand vs the plain reply (no target)", numerator: 'fastify-plain-404', denominator: 'plain', min: 0 },
  { description: 'Fastify, NotFound thrown to a hand-written handler vs the plain reply (no target)', numerator: 'fastify-onerror-404', denominator: 'plain', min: 0 },
  { description: 'throw path vs the hand-written handler of the same bytes (no target)', numerator: 'ours-throw', denominator: 'fastify-onerror-404', min: 0 },
  { description: "Fastify, our 500's bytes by a hand-written handler vs the default 500 (no target)", numerator: 'fastify-onerror-500', denominator: 'default-500', min: 0 },
  { description: '500 path vs the hand-written handler of the same bytes (no target)', numerator: 'ours-500', denominator: 'fastify-onerror-500', min: 0 },
  { description: "Fastify, our 500's bytes by hand vs the default 500, pino info (no target)", numerator: 'fastify-onerror-500+log', denominator: 'default-500+log', min: 0 },
  { description: '500 path vs the hand-written handler of the same bytes, pino info (no target)', numerator: 'ours-500+log', denominator: 'fastify-onerror-500+log', min: 0 },
  { description: "Express, the 404 problem's bytes by hand vs its plain reply (no target)", numerator: 'express-plain-404', denominator: 'express-plain', min: 0 },
  { description: 'Express, NotFound thrown, ours vs a hand-written handler of the same bytes (no target)', numerator: 'express-ours', denominator: 'express-onerror-404', min: 0 },
  { description: 'Express, http-errors 404 thrown to a hand-written handler vs its plain reply (no target)', numerator: 'express-onerror-foreign', denominator: 'express-plain', min: 0 },
  { description: 'Express, a thrown http-errors 404, ours vs the hand-written handler of the same bytes (no target)', numerator: 'express-ours-foreign', denominator: 'express-onerror-foreign', min: 0 },
  { description: "Express, our 500's bytes by a hand-written handler vs its plain reply (no target)", numerator: 'express-onerror-500', denominator: 'express-plain', min: 0 },
  { description: 'Express, a 500, ours vs the hand-written handler of the same bytes (no target)', numerator: 'express-ours-500', denominator: 'express-onerror-500', min: 0 },
  { description: "Hono, the problem's status and headers by hand vs its plain reply (no target)", numerator: 'hono-plain-404', denominator: 'hono-plain', min: 0 },
  { description: "Hono error path vs the problem's bytes by hand (no target)", numerator: 'hono-ours', denominator: 'hono-plain-404', min: 0 },
  { description: "Koa, the problem's status and headers by hand vs its plain reply (no target)", numerator: 'koa-plain-404', denominator: 'koa-plain', min: 0 },
  { description: "Koa error path vs the problem's bytes by hand (no target)", numerator: 'koa-ours', denominator: 'koa-plain-404', min: 0 },
  { description: 'Koa error path vs a hand-written middleware writing the same bytes (no target)', numerator: 'koa-ours', denominator: 'koa-onerror-404', min: 0 },
  {
    description: 'success path, plugin vs none, pino info',
    numerator: 'success-plugin+log',
    denominator: 'plain+log',
    min: 0.98,
  },
]
