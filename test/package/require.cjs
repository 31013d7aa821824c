// Packaging check: the built CJS entry loads by package name with the same exports.
const assert = require('node:assert/strict')
const pkg = require('http-problems')

assert.equal(typeof pkg.default, 'function', 'default export is the plugin')
assert.equal(pkg.default, pkg.httpProblems)
assert.equal(new pkg.NotFound().status, 404)
assert.equal(new pkg.MethodNotAllowed({ allow: ['GET'] }).headers.allow, 'GET')
console.log('require: ok')
