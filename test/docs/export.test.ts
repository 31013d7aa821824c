// `http-problems docs`: the written files are the served bodies, byte for byte (hostile strings
// included); the command's arguments, output streams and exit codes.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import type { CliIo } from '../../src/cli/io.js'
import problems from '../../src/index.js'
import { CATALOG, TYPE_BASE_URL } from '../fixtures/catalog.js'

const FIXTURE = join(import.meta.dirname, '../fixtures/catalog.ts')

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function run(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: import.meta.dirname,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** A catalog module in a temporary directory: `body` after an import of `defineProblem` from the sources. */
async function catalogModule(body: string): Promise<{ dir: string; module: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'http-problems-module-'))
  const module = join(dir, 'problems.mjs')
  const source = new URL('../../src/index.ts', import.meta.url).pathname
  await writeFile(module, `import { defineProblem } from ${JSON.stringify(source)}\n${body}`)
  return { dir, module }
}

describe('http-problems docs', () => {
  let out: string
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'http-problems-docs-'))
  })
  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('writes the same bytes the plugin serves, for every document in both forms', async () => {
    const result = await run(['docs', '--catalog', FIXTURE, '--out', out, '--type-base-url', TYPE_BASE_URL])
    expect(result.code).toBe(0)
    const files = (await readdir(out)).sort()
    expect(files).toHaveLength(2 * (1 + 40 + CATALOG.length))
    expect(result.stdout.trim().split('\n').sort()).toEqual(files.map((file) => join(out, file)))
    expect(result.stderr).toContain('wrote 43 documents (86 files)')

    const app = Fastify()
    await app.register(problems, { typeBaseUrl: TYPE_BASE_URL, docs: { catalog: [...CATALOG] } })
    for (const file of files) {
      const [name, form] = file.split('.') as [string, 'html' | 'json']
      const url = name === 'index' ? '/problems/' : `/problems/${name}`
      const served = await app.inject({ url, headers: { accept: form === 'html' ? 'text/html' : 'application/json' } })
      expect(served.statusCode, file).toBe(200)
      expect(await readFile(join(out, file), 'utf8'), file).toBe(served.body)
    }
    // The hostile fixture's strings were written escaped.
    expect(await readFile(join(out, 'hostile.html'), 'utf8')).not.toContain('<script>')
    await app.close()
  })

  it('reads typeBaseUrl and the list from the module, and prints JSON with --json', async () => {
    const { dir, module } = await catalogModule(
      `export const typeBaseUrl = 'https://errors.example.com/errors'\n` +
        `export const Teapot = defineProblem({ name: 'Teapot', status: 418, type: typeBaseUrl + '/teapot', title: 'Tea' })\n` +
        `export const notAProblem = 42\n`,
    )
    const result = await run(['docs', '--catalog', module, '--out', join(dir, 'site'), '--json'])
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    expect(printed.path).toBe('/errors')
    expect(printed.files).toContain(join(dir, 'site', 'teapot.html'))
    expect(await readFile(join(dir, 'site', 'index.html'), 'utf8')).toContain('href="/errors/teapot"')
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['a default export that is a list', 'export default [Teapot]\nexport const Other = Kettle\n', ['teapot']],
    ['an export named catalog', 'export const catalog = [Teapot]\nexport const Other = Kettle\n', ['teapot']],
    ['the defineProblem classes among the named exports', 'export const A = Teapot\nexport const B = Kettle\nexport const nothing = undefined\nexport function helper() {}\nhelper.type = "x"\n', ['kettle', 'teapot']],
  ])('documents %s', async (_name, exported, slugs) => {
    const { dir, module } = await catalogModule(
      `const Teapot = defineProblem({ name: 'Teapot', status: 418, type: 'https://errors.example.com/errors/teapot', title: 'Tea' })\n` +
        `const Kettle = defineProblem({ name: 'Kettle', status: 409, type: 'https://errors.example.com/errors/kettle', title: 'Kettle' })\n` +
        exported,
    )
    // A trailing slash (or several) of --type-base-url is not part of the path.
    const result = await run(['docs', '--catalog', module, '--out', join(dir, 'site'), '--type-base-url', 'https://errors.example.com/errors//', '--json'])
    expect(result.code, result.stderr).toBe(0)
    const types: string[] = JSON.parse(await readFile(join(dir, 'site', 'index.json'), 'utf8')).problems.map((entry: { type: string }) => entry.type)
    const declared = types.map((type) => type.replace('https://errors.example.com/errors/', '')).filter((slug) => slug === 'teapot' || slug === 'kettle')
    expect(declared.sort()).toEqual(slugs)
    await rm(dir, { recursive: true, force: true })
  })

  it('documents a status class among the named exports once, as a status type', async () => {
    const source = new URL('../../src/index.ts', import.meta.url).pathname
    const { dir, module } = await catalogModule(
      `export { NotFound } from ${JSON.stringify(source)}\n` +
        `export const Teapot = defineProblem({ name: 'Teapot', status: 418, type: 'https://errors.example.com/errors/teapot', title: 'Tea' })\n`,
    )
    const result = await run(['docs', '--catalog', module, '--out', join(dir, 'site'), '--type-base-url', 'https://errors.example.com/errors', '--json'])
    expect(result.code, result.stderr).toBe(0)
    const index = JSON.parse(await readFile(join(dir, 'site', 'index.json'), 'utf8'))
    const types: string[] = index.problems.map((entry: { type: string }) => entry.type)
    expect(types.filter((type) => type === 'https://errors.example.com/errors/not-found')).toHaveLength(1)
    expect(types).toContain('https://errors.example.com/errors/teapot')
    expect(types).toHaveLength(1 + 40)
    await rm(dir, { recursive: true, force: true })
  })

  it('lets an error the catalog module throws while its list is read propagate: it is no misuse (runOnProcess says it, exit 1)', async () => {
    const { dir, module } = await catalogModule(
      `export const catalog = []\n` + `Object.defineProperty(catalog, 0, { enumerable: true, get() { throw new RangeError('the catalog is not built yet') } })\n`,
    )
    let stderr = ''
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env: {}, cwd: dir }
    await expect(main(['docs', '--catalog', module, '--out', join(dir, 'site'), '--path', '/errors'], io)).rejects.toThrow(
      new RangeError('the catalog is not built yet'),
    )
    expect(stderr).toBe('')
    await rm(dir, { recursive: true, force: true })
  })

  it('ignores a typeBaseUrl export that is no string', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'http-problems-module-'))
    const module = join(dir, 'problems.mjs')
    await writeFile(module, `export const typeBaseUrl = 5\nexport default []\n`)
    const result = await run(['docs', '--catalog', module, '--out', join(dir, 'site'), '--path', '/errors', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).path).toBe('/errors')
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    [['docs'], 'missing --catalog'],
    [['docs', '--catalog', FIXTURE], 'missing --out'],
    [['docs', '--catalog', FIXTURE, '--out', 'x', '--bogus'], 'Unknown option'],
    [['docs', 'site', '--catalog', FIXTURE, '--out', 'x'], 'Unexpected argument'],
    [['docs', '--catalog', './no-such-module.js', '--out', 'x'], 'cannot load --catalog'],
    [['docs', '--catalog', FIXTURE, '--out', 'x'], '"docs.path"'],
    [['docs', '--catalog', FIXTURE, '--out', 'x', '--type-base-url', 'not a uri'], 'absolute URI'],
    [['docs', '--catalog', FIXTURE, '--out', 'x', '--type-base-url', 'https://elsewhere.example/problems'], '"docs.catalog"'],
    [['nope'], 'unknown command "nope"'],
    [['toString'], 'unknown command "toString"'],
  ])('%j: exit 2, the reason on stderr, nothing on stdout', async (argv, reason) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(reason)
    expect(result.stdout).toBe('')
    if (argv[0] === 'docs') expect(result.stderr).toMatch(/\nRun `http-problems docs --help` for usage and an example\.\n$/)
  })

  it('exits 1 when the files cannot be written', async () => {
    const file = join(out, 'index.html')
    const result = await run(['docs', '--catalog', FIXTURE, '--out', join(file, 'below-a-file'), '--type-base-url', TYPE_BASE_URL])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('cannot write')
  })

  it('shows help with an example on stdout, exit 0', async () => {
    for (const argv of [['docs', '--help'], ['docs', '-h']]) {
      const result = await run(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Example:\n  npx http-problems docs --catalog ./problems.js --out ./site')
    }
    for (const flag of ['--help', '-h']) {
      const top = await run([flag])
      expect(top.code).toBe(0)
      expect(top.stdout).toBe(
        [
          'Usage: http-problems <command> [options]',
          '',
          'Commands:',
          '  check  probe a running service and report the error answers that are not correct problems',
          '  docs   write the problem catalog as static pages (HTML and JSON)',
          '',
          'Run http-problems <command> --help for its options.',
          '',
        ].join('\n'),
      )
    }
    const none = await run([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: http-problems <command>')
  })

  it('colours errors on a terminal, and not with NO_COLOR', async () => {
    expect((await run(['nope'], { tty: true })).stderr).toContain('\u001b[31merror:')
    expect((await run(['nope'], { tty: true, env: { NO_COLOR: '1' } })).stderr).toMatch(/^error: unknown command/)
    // An empty NO_COLOR does not count (https://no-color.org).
    expect((await run(['nope'], { tty: true, env: { NO_COLOR: '' } })).stderr).toContain('\u001b[31merror:')
  })
})
