// Packaging check: the built `bin` runs as a program (shebang, package.json "bin"), with the exit
// codes the README promises, against a real server on 127.0.0.1.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, access, constants } from 'node:fs/promises'
import { createServer } from 'node:http'

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'))
const bin = new URL(`../../${pkg.bin['http-problems']}`, import.meta.url).pathname
assert.ok((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n'), 'the bin starts with a shebang')
await access(bin, constants.X_OK)

/** Runs the bin directly (through its shebang) and resolves with its exit code and output. */
function run(args) {
  return new Promise((resolve) => {
    execFile(bin, args, { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : error.code, stdout, stderr })
    })
  })
}

const help = await run(['check', '--help'])
assert.equal(help.code, 0)
assert.match(help.stdout, /Example:\n {2}npx http-problems check /)

const misuse = await run(['check'])
assert.equal(misuse.code, 2)
assert.match(misuse.stderr, /expected one <base-url>/)

const server = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'))
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
try {
  const checked = await run(['check', `http://127.0.0.1:${server.address().port}`])
  assert.equal(checked.code, 1, checked.stderr)
  assert.match(checked.stdout, /^unknown-path +GET \/http-problems-check\?token=check +404 +fail +content-type is "text\/html"/m)
} finally {
  server.close()
}
console.log('bin: ok')
