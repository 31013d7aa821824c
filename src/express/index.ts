/**
 * http-problems/express: the Express 5 adapter. Public exports only; each lives in its own
 * module. The problem classes themselves come from `http-problems`.
 */
export { problems } from './middleware.js'
export type { ExpressProblems } from './middleware.js'
export type { ExpressProblemsOptions } from './options.js'
export type { ProblemLogLevel } from '../settings.js'
export type { LocalizationOptions, LocaleMessages, ProblemMessages } from '../i18n/localization.js'
export { unmatchedRouteProblem } from './not-found.js'
export { accepted, created } from './response-helpers.js'
