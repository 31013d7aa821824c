/**
 * http-problems/mapping: rules that turn the errors services really throw (database, ORM and
 * network errors) into the right problems, for the `map` option of both adapters. Public exports
 * only; each lives in its own module.
 */
export { problemRule } from './rule.js'
export type { MappingFacts, MatchedClass, MatchPredicate, PredicateRuleInput, ProblemFactory, ProblemRule, TypedRuleInput, TypeGuard } from './rule.js'
export { postgresRules } from './postgres-rules.js'
export type { PostgresErrorLike } from './postgres-rules.js'
export { prismaRules } from './prisma-rules.js'
export type { PrismaErrorLike } from './prisma-rules.js'
export { mongoRules } from './mongo-rules.js'
export type { MongoErrorLike } from './mongo-rules.js'
export { networkRules } from './network-rules.js'
export type { NetworkErrorLike } from './network-rules.js'
export type { FieldError } from './rule-table.js'
