/**
 * http-problems: typed HTTP error classes and a Fastify plugin that answers every error with an
 * RFC 9457 problem body. Public exports only; each lives in its own module.
 */
import { httpProblems } from './fastify/plugin.js'

export default httpProblems
export { httpProblems }
export type { ProblemsOptions, ProblemLogLevel, ProblemReporter } from './fastify/options.js'
export type { SharedProblemsOptions } from './settings.js'
export type { DocsOptions } from './docs/site.js'
export type { LoggedLevel, ProblemLogger } from './log-problem.js'
export type { MappingFacts, ProblemRule } from './mapping/rule.js'
export { notFoundHandler, unmatchedRouteProblem } from './fastify/not-found.js'
export { clientErrorHandler, frameworkErrors } from './fastify/before-routing.js'

export { HttpProblem, isHttpProblem, RESERVED_MEMBERS } from './problem.js'
export type { Extensions, ProblemOptions, ReservedMember } from './problem.js'
export * from './classes.js'
export { defineProblem } from './define.js'
export type { DefinedProblem, DefinedProblemArgs, DefinedProblemClass, DefinedProblemOptions, ProblemDefinition, ProblemExample } from './define.js'
export { problemCatalog } from './catalog/catalog.js'
export type { CatalogEntry, CatalogHeader, CatalogOptions, ProblemCatalog } from './catalog/catalog.js'
export type { ProblemType } from './catalog/problem-type.js'
export type { ExtensionSchema, JsonSchema, JsonTypeName, MembersOf, ObjectOf, ValueOf } from './catalog/extension-schema.js'
export { STATUSES, STATUS_CODES } from './statuses.js'
export type { HeaderMap, ProblemClassName, ProblemStatus, StatusEntry, StatusFields } from './statuses.js'
export { normalize } from './normalize.js'
export type { NormalizeOptions } from './normalize.js'
export { renderProblem, SERVER_ERROR_DETAIL, MAX_MEMBER_LENGTH, MAX_EXTENSIONS_LENGTH } from './render.js'
export type { RenderedProblem, RenderSettings, RequestFacts } from './render.js'
export type { ReplyHeaders } from './reply-state.js'
export { correlationIdFor, isValidCorrelationId, traceIdFrom, DEFAULT_CORRELATION_HEADER } from './correlation.js'
export { PROBLEM_CONTENT_TYPE, JSON_CONTENT_TYPE } from './accept.js'
export { problemSchema } from './schema.js'
export type { ProblemBody } from './schema.js'
export type { ReadValidationIssuesOptions, ValidationIssue } from './validation.js'
export { MAX_VALIDATION_ISSUES, MAX_ISSUE_TEXT_LENGTH, readValidationIssues } from './validation.js'
export { defineValidationReader } from './validation-reader.js'
export type { ValidationFinding, ValidationFindings, ValidationReader, ValidationReaderDefinition } from './validation-reader.js'
export type { PathSegment } from './json-pointer.js'
export { UsageError } from './usage-error.js'
export { LOG_BUDGET } from './logged-error.js'
export type { UsageErrorCode } from './usage-error.js'
