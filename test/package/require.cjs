// Packaging check: the built CJS entries load by package name with the same exports.
const assert = require('node:assert/strict')
const pkg = require('http-problems')
const express = require('http-problems/express')
const client = require('http-problems/client')
const testing = require('http-problems/testing')
const mapping = require('http-problems/mapping')
const nestjs = require('http-problems/nestjs')
const fetchEntry = require('http-problems/fetch')
const koa = require('http-problems/koa')

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
assert.throws(() => new nestjs.ProblemFilter({ typo: 1 }), { code: 'ERR_HTTP_PROBLEMS_INVALID_OPTION' })
assert.equal(fetchEntry.problems().problemResponse(new pkg.Conflict(), new globalThis.Request('http://localhost/')).status, 409)
assert.equal(typeof koa.problems(), 'function')
// A problem the client entry builds is an instance of the main entry's class, although the client
// is one file with its own copy of the core (import time; README "Installed size"); the brands
// (Symbol.for keys) join the copies, as they join the ESM and CJS builds.
client
  .problemFromResponse(new Response('{"type":"about:blank","title":"Conflict","status":409}', { status: 409, headers: { 'content-type': 'application/problem+json' } }))
  .then(async (upstream) => {
    assert.ok(upstream instanceof pkg.Conflict && upstream instanceof pkg.HttpProblem && !(upstream instanceof pkg.NotFound), 'a client problem is of the main entry point\'s class')
    assert.equal(upstream.name, 'Conflict')
    const esm = await import('http-problems')
    assert.ok(pkg.isHttpProblem(new esm.NotFound()) && esm.isHttpProblem(new pkg.NotFound()), 'ESM and CJS problems are problems for each other')
    console.log('require: ok')
  })
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
