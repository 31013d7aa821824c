// Packaging check: the built ESM entry loads by package name and exposes the plugin and classes.
import assert from 'node:assert/strict'
import problems, { httpProblems, NotFound, isHttpProblem, createProblem } from 'http-problems'

assert.equal(typeof problems, 'function', 'default export is the plugin')
assert.equal(problems, httpProblems, 'default and named plugin exports are the same function')
const notFound = new NotFound('x')
assert.equal(notFound.status, 404)
assert.ok(isHttpProblem(createProblem(429, { retryAfter: 1 })))
console.log('import: ok')
