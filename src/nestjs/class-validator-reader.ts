/**
 * What NestJS's `ValidationPipe` throws, as `errors[]` items, through the validation reader
 * contract (`defineValidationReader`):
 * - class-validator's `ValidationError` tree (an `exceptionFactory` that passes the errors on):
 *   every constraint message of every node becomes one issue, its pointer the path of
 *   `property` names from the root (`#/address/city`, `#/items/0/name`);
 * - the pipe's default messages (`'name must be a string'`): plain strings that name no member
 *   the library could point at without guessing, so each becomes an issue about the whole part.
 */
import { isArray, readProperty as read } from '../guarded.js'
import type { PathSegment } from '../json-pointer.js'
import { defineValidationReader, type ValidationFinding } from '../validation-reader.js'

/** A class-validator `ValidationError`, as far as it is read: data only, no method is called. */
interface ValidationErrorNode {
  property: string
  constraints?: unknown
  children?: unknown
}

/** Nested DTOs deeper than this are not followed, so a cyclic tree (built by hand) ends. */
const MAX_DEPTH = 32
/**
 * The most nodes one tree is walked through. A tree built by hand may list a node more than once
 * (`children: [node, node]` under itself), and depth alone would let its walk double at each level.
 */
export const MAX_NODES_READ = 1000
/**
 * True for a class-validator `ValidationError`: a `property` name, and `constraints` or
 * `children` as class-validator sets them.
 */
export function isValidationErrorNode(entry: unknown): entry is ValidationErrorNode {
  // `read` answers undefined for anything but an object, so a primitive has no `property` either.
  if (typeof read(entry, 'property') !== 'string') return false
  const constraints = read(entry, 'constraints')
  return (typeof constraints === 'object' && constraints !== null) || isArray(read(entry, 'children'))
}

/**
 * Reads class-validator's `ValidationError` tree (what `ValidationPipe` builds before it makes its
 * exception): one issue per constraint message, pointing at the member through its parents.
 *
 * @example
 * import { readValidationIssues } from 'http-problems'
 * import { classValidatorReader } from 'http-problems/nestjs'
 *
 * const errors = await validate(plainToInstance(CreateUser, body))
 * readValidationIssues(errors, { readers: [classValidatorReader] })
 * // [{ in: 'body', pointer: '#/address/city', detail: 'city must be a string' }]
 */
export const classValidatorReader = defineValidationReader({
  name: 'class-validator',
  matches: isValidationErrorNode,
  read: (node) => {
    const findings: ValidationFinding[] = []
    collect(node, [], findings, 0, { left: MAX_NODES_READ })
    return findings
  },
})

/** Adds the findings of `node` and of its children, while `budget` has nodes left to read. */
function collect(node: ValidationErrorNode, parent: readonly PathSegment[], findings: ValidationFinding[], depth: number, budget: { left: number }): void {
  budget.left--
  const path = [...parent, node.property]
  const constraints = read(node, 'constraints')
  if (typeof constraints === 'object' && constraints !== null) {
    for (const name of Object.keys(constraints)) {
      const message = read(constraints, name)
      // Stryker disable next-line ConditionalExpression: a detail that is no string reads as "is invalid" either way (validation.ts checks each finding)
      findings.push({ path, ...(typeof message === 'string' ? { detail: message } : {}) })
    }
  }
  const children = read(node, 'children')
  if (!isArray(children) || depth >= MAX_DEPTH) return
  for (const child of children) {
    if (budget.left === 0) return
    if (isValidationErrorNode(child)) collect(child, path, findings, depth + 1, budget)
  }
}

/**
 * `ValidationPipe`'s default messages: the whole request part is the pointer (`#`), the message
 * the detail. Internal: the filter tries it after the user's readers.
 */
export const pipeMessageReader = defineValidationReader({
  name: 'nestjs-validation-pipe-message',
  matches: (entry): entry is string => typeof entry === 'string',
  read: (message) => ({ path: [], detail: message }),
})
