/**
 * The plugin's options, found from the Fastify instance. `frameworkErrors` and
 * `clientErrorHandler` are passed to Fastify's constructor, before the plugin is registered, so
 * they look the options up when they run instead of being given them: the options stay
 * configured once, in the plugin.
 */
import type { FastifyInstance } from 'fastify'
import { currentTracing } from '../tracing.js'
import { resolveOptions, type ResolvedOptions } from './options.js'

const OPTIONS_BY_INSTANCE = new WeakMap<object, ResolvedOptions>()
let defaults: ResolvedOptions | undefined

/** Notes the options the plugin was registered with on `fastify` (the root, with fastify-plugin). */
export function rememberOptions(fastify: FastifyInstance, options: ResolvedOptions): void {
  OPTIONS_BY_INSTANCE.set(fastify, options)
}

/** The options the plugin was registered with on `fastify`, else the defaults. */
export function optionsOf(fastify: unknown): ResolvedOptions {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the guard speaks to the type checker only; WeakMap#get answers undefined for null and every primitive too
  const registered = typeof fastify === 'object' && fastify !== null ? OPTIONS_BY_INSTANCE.get(fastify) : undefined
  if (registered !== undefined) return registered
  defaults ??= resolveOptions({})
  defaults.tracing = currentTracing()
  return defaults
}
