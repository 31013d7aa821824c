// Packaging check: importing a Node entry point of the built package loads none of the
// `localization` dependencies (intl-messageformat, @formatjs/intl-localematcher); the adapter
// requires them when `localization` is given, and the localized answer works, in ESM and CJS.
// Each case runs in a fresh process: what matters is what a user's process loads.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const LOCALIZATION_DEPENDENCY = /[\\/]node_modules[\\/](intl-messageformat|@formatjs[\\/]intl-localematcher)[\\/]/
const localization = { locales: ['en', 'de'], messages: { de: { OUT_OF_CREDIT: { detail: 'Ihr Guthaben ist {balance, number}.' } } } }
/** How each Node adapter takes the option (http-problems/fetch imports the dependencies: no Node `require` where it runs). */
const ADAPTERS = {
  'http-problems': `await (await import('fastify')).default().register(entry.default, { localization })`,
  'http-problems/express': `entry.problems({ localization })`,
  'http-problems/koa': `entry.problems({ localization })`,
  'http-problems/nestjs': `new entry.ProblemFilter({ localization })`,
}

/** Which localization dependencies the process has loaded after importing `specifier`, and after using it. */
function loaded(specifier, format) {
  const use = ADAPTERS[specifier] ?? ''
  const program = `
    const { createRequire } = await import('node:module')
    const cache = createRequire(process.cwd() + '/').cache
    const loaded = () => Object.keys(cache).filter((file) => ${LOCALIZATION_DEPENDENCY}.test(file)).length
    const localization = ${JSON.stringify(localization)}
    const entry = ${format === 'esm' ? `await import(${JSON.stringify(specifier)})` : `require(${JSON.stringify(specifier)})`}
    const afterImport = loaded()
    ${use}
    process.stdout.write(JSON.stringify([afterImport, loaded()]))`
  const args = format === 'esm' ? ['--input-type=module', '-e', program] : ['-e', `(async () => { ${program} })()`]
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }))
}

const { name, exports } = JSON.parse(readFileSync('package.json', 'utf8'))
const specifiers = Object.entries(exports).filter(([, target]) => typeof target === 'object').map(([subpath]) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`))
assert.ok(specifiers.length >= 8, 'every entry point of package.json exports')
for (const specifier of specifiers) {
  if (specifier === 'http-problems/fetch') continue
  for (const format of ['esm', 'cjs']) {
    const [afterImport, afterUse] = loaded(specifier, format)
    assert.equal(afterImport, 0, `${format} ${specifier}: importing it loads no localization dependency`)
    if (ADAPTERS[specifier] !== undefined) assert.ok(afterUse > 0, `${format} ${specifier}: the localization option loads them`)
  }
}
console.log('lazy dependencies: ok')
