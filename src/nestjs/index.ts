/**
 * http-problems/nestjs: the NestJS exception filter, for `@nestjs/platform-express` and
 * `@nestjs/platform-fastify`. Public exports only; each lives in its own module. The problem
 * classes themselves come from `http-problems`.
 */
export { ProblemFilter } from './filter.js'
export type { ProblemFilterHost } from './filter.js'
export type { NestProblemsOptions } from './options.js'
export { classValidatorReader } from './class-validator-reader.js'
