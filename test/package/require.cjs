// Packaging check: the built CJS entries load by package name with the same exports.
const assert = require('node:assert/strict')
const pkg = require('http-problems')
const express = require('http-problems/express')
const client = require('http-problems/client')
const testing = require('http-problems/testing')
const mapping = require('http-problems/mapping')

assert.equal(typeof pkg.default, 'function', 'default export is the plugin')
assert.equal(pkg.default, pkg.httpProblems)
assert.equal(new pkg.NotFound().status, 404)
assert.equal(new pkg.MethodNotAllowed({ allow: ['GET'] }).headers.allow, 'GET')
assert.equal(typeof express.problems({}).notFound, 'function')
assert.equal(typeof pkg.frameworkErrors, 'function')
assert.equal(typeof pkg.clientErrorHandler, 'function')
assert.equal(typeof express.problems({}).correlation, 'function')
assert.equal(typeof client.parseProblem, 'function')
assert.equal(typeof testing.expectProblem, 'function')
assert.deepEqual(pkg.readValidationIssues([{ type: 'field', path: 'a.b', msg: 'bad', location: 'query' }]), [
  { in: 'querystring', pointer: '#/a/b', detail: 'bad' },
])
for (const name of ['postgresRules', 'prismaRules', 'mongoRules', 'networkRules']) assert.ok(mapping[name].length > 0, name)
assert.equal(typeof mapping.problemRule, 'function')
console.log('require: ok')
