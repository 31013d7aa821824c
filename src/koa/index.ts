/**
 * http-problems/koa: the Koa adapter. Public exports only; each lives in its own module. The
 * problem classes themselves come from `http-problems`.
 */
export { problems } from './middleware.js'
export type { LoggedProblemsOptions as KoaProblemsOptions } from '../logger-option.js'
export type { ProblemLogLevel } from '../settings.js'
