// Packaging check: the built ESM entries load by package name and expose what the README promises.
import assert from 'node:assert/strict'
import problems, { httpProblems, HttpProblem, NotFound, Conflict, isHttpProblem, createProblem, problemSchema, frameworkErrors, clientErrorHandler, defineValidationReader, readValidationIssues } from 'http-problems'
import { problems as expressProblems, created } from 'http-problems/express'
import { parseProblem, problemFromResponse, correlationHeaders } from 'http-problems/client'
import { expectProblem } from 'http-problems/testing'
import { postgresRules, prismaRules, mongoRules, networkRules, problemRule } from 'http-problems/mapping'
import { ProblemFilter, classValidatorReader } from 'http-problems/nestjs'
import { problems as fetchProblems } from 'http-problems/fetch'
import { problems as koaProblems } from 'http-problems/koa'
import { readFileSync as readDist } from 'node:fs'

assert.equal(typeof problems, 'function', 'default export is the plugin')
assert.equal(problems, httpProblems, 'default and named plugin exports are the same function')
const notFound = new NotFound('x')
assert.equal(notFound.status, 404)
assert.ok(isHttpProblem(createProblem(429, { retryAfter: 1 })))
assert.equal(typeof problemSchema, 'object')
const flat = defineValidationReader({ name: 'flat', matches: (entry) => typeof entry === 'string', read: (entry) => ({ path: entry.split('.') }) })
assert.deepEqual(readValidationIssues(['a/b.c'], { readers: [flat] }), [{ in: 'body', pointer: '#/a~1b/c', detail: 'is invalid' }])
assert.equal(typeof expressProblems().errorHandler, 'function')
for (const fn of [frameworkErrors, clientErrorHandler, expressProblems().correlation, expressProblems().clientErrorHandler]) assert.equal(typeof fn, 'function')
assert.equal(typeof created, 'function')
for (const fn of [parseProblem, problemFromResponse, correlationHeaders, expectProblem]) assert.equal(typeof fn, 'function')
// A problem made by the client bundle is recognised by the main bundle.
const upstream = await problemFromResponse(
  new Response('{"type":"about:blank","title":"Not Found","status":404}', { status: 404, headers: { 'content-type': 'application/problem+json' } }),
)
assert.ok(upstream instanceof NotFound)
// ...for every check a user makes, although the client entry point is one file with its own copy
// of the core (import time; README "Installed size"), as the ESM and CJS builds are two copies:
// the brands are Symbol.for keys.
assert.ok(upstream instanceof HttpProblem && isHttpProblem(upstream) && !(upstream instanceof Conflict))
assert.equal(upstream.name, 'NotFound')
// A problem made by the mapping bundle's rules is a problem for the main bundle too.
for (const rules of [postgresRules, prismaRules, mongoRules, networkRules]) assert.ok(Array.isArray(rules) && rules.length > 0)
const duplicate = Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR', detail: 'Key (email)=(a@b.c) already exists.' })
const rule = postgresRules.find((candidate) => candidate.match(duplicate))
assert.ok(isHttpProblem(rule.problem(duplicate)) && rule.problem(duplicate).status === 409)
assert.equal(problemRule(rule), rule)
// The nestjs bundle's reader is a reader for the main bundle too; the filter is a plain class.
assert.deepEqual(readValidationIssues([{ property: 'a', constraints: { isString: 'a must be a string' }, children: [] }], { readers: [classValidatorReader] }), [
  { in: 'body', pointer: '#/a', detail: 'a must be a string' },
])
assert.equal(typeof new ProblemFilter().catch, 'function')
// The fetch entry point: a problem Response from a Web Request, and no Node import in either bundle.
const answer = fetchProblems().problemResponse(new NotFound('x'), new globalThis.Request('http://localhost/a?q=1', { headers: { 'x-correlation-id': 'pkg' } }))
assert.equal(answer.status, 404)
assert.equal(answer.headers.get('content-type'), 'application/problem+json')
assert.equal((await answer.json()).instance, '/a')
for (const file of ['dist/fetch.js', 'dist/fetch.cjs']) assert.doesNotMatch(readDist(file, 'utf8'), /(from\s*|require\()["'](node:|(http|crypto|buffer|stream|fs)["'])/, file)
assert.equal(typeof koaProblems(), 'function')
console.log('import: ok')

// The bin: `http-problems docs` reads a catalog module that imports the package by name.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const site = mkdtempSync(join(tmpdir(), 'http-problems-site-'))
const cli = spawnSync(process.execPath, ['dist/cli.js', 'docs', '--catalog', 'test/package/catalog.mjs', '--out', site], { encoding: 'utf8' })
assert.equal(cli.status, 0, cli.stderr)
assert.match(readFileSync(join(site, 'out-of-credit.html'), 'utf8'), /<h1>You do not have enough credit<\/h1>/)
rmSync(site, { recursive: true, force: true })
console.log('bin: ok')
