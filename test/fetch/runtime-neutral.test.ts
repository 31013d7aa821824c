/**
 * `http-problems/fetch` must run where Node does not (Cloudflare Workers, Deno, browsers): no
 * `node:` import anywhere in its module graph, no use of Node's own globals (`process`, `Buffer`,
 * `require`...), and, as the proof that counts, the bundled entry point answers in a realm that
 * has only the Web globals.
 */
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ENTRY = fileURLToPath(new URL('../../src/fetch/index.ts', import.meta.url))
/** Globals only Node has; a Web-standard runtime throws a ReferenceError on each. */
const NODE_ONLY_GLOBALS = new Set(['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'])
const BUILTINS = new Set(builtinModules)

/** Every source file of the entry point's module graph, with the checker that resolved it. */
function moduleGraph(): { files: ts.SourceFile[]; checker: ts.TypeChecker } {
  const program = ts.createProgram([ENTRY], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
  })
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'))
  return { files, checker: program.getTypeChecker() }
}

/** `node:` and built-in module specifiers imported (even for types) by `file`. */
function nodeImports(file: ts.SourceFile): string[] {
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : undefined
    if (specifier !== undefined && (specifier.startsWith('node:') || BUILTINS.has(specifier))) found.push(specifier)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** Identifiers in `file` that resolve to one of Node's own globals (as declared by @types/node). */
function nodeGlobals(file: ts.SourceFile, checker: ts.TypeChecker): string[] {
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_ONLY_GLOBALS.has(node.text)) {
      const declarations = checker.getSymbolAtLocation(node)?.declarations ?? []
      if (declarations.some((declaration) => declaration.getSourceFile().fileName.includes('/@types/node/'))) {
        found.push(`${node.text} (line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1})`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('http-problems/fetch uses no Node API', () => {
  const { files, checker } = moduleGraph()

  it('reaches the core through its module graph (the check sees what it must)', () => {
    const names = files.map((file) => file.fileName.replace(/^.*\/src\//, ''))
    expect(names).toEqual(expect.arrayContaining(['fetch/index.ts', 'render.ts', 'normalize.ts', 'correlation.ts', 'problem.ts', 'log-problem.ts']))
  })

  it('imports no node: or built-in module anywhere in its graph', () => {
    const offending = files.flatMap((file) => nodeImports(file).map((specifier) => `${file.fileName}: ${specifier}`))
    expect(offending).toEqual([])
  })

  it("names none of Node's own globals (process, Buffer, require...) anywhere in its graph", () => {
    const offending = files.flatMap((file) => nodeGlobals(file, checker).map((use) => `${file.fileName}: ${use}`))
    expect(offending).toEqual([])
  })

  it('the checks find a Node import and a Node global when there is one', () => {
    const file = ts.createSourceFile('probe.ts', "import { x } from 'node:http'\nimport y from 'fs'\n", ts.ScriptTarget.ES2022, true)
    expect(nodeImports(file)).toEqual(['node:http', 'fs'])
    const express = moduleGraphOf(fileURLToPath(new URL('../../src/express/send-problem.ts', import.meta.url)))
    expect(express.files.flatMap((source) => nodeGlobals(source, express.checker))).toContainEqual(expect.stringMatching(/^Buffer /))
  })

  it('bundled for a neutral platform, answers in a realm with the Web globals only', async () => {
    // platform 'neutral' leaves nothing to Node: a `node:` import would fail to resolve here.
    const bundle = await build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', globalName: 'fetchProblems', platform: 'neutral', logLevel: 'silent' })
    const code = bundle.outputFiles[0]!.text
    const logs: unknown[] = []
    const logger = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, (line: unknown) => logs.push(line)]))
    const realm = { Request, Response, Headers, URL, TextEncoder, crypto, console, AbortController, logger, result: undefined as unknown }
    const run = `${code}
      const { problemResponse } = fetchProblems.problems({ logger });
      result = [
        problemResponse({ status: 404, message: 'No such user' }, new Request('http://example.com/users/7?token=secret', { headers: { 'x-correlation-id': 'req-1' } })),
        problemResponse(new Error('db password'), new Request('http://example.com/x', { method: 'HEAD' })),
      ]`
    runInNewContext(run, realm)
    expect(realm).not.toHaveProperty('process')
    const [notFound, serverError] = realm.result as [Response, Response]
    expect(notFound.status).toBe(404)
    expect(notFound.headers.get('content-type')).toBe('application/problem+json')
    expect(await notFound.text()).toBe(
      '{"type":"about:blank","title":"Not Found","status":404,"detail":"No such user","instance":"/users/7","code":"NOT_FOUND","correlationId":"req-1"}',
    )
    expect(serverError.status).toBe(500)
    expect(serverError.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(serverError.headers.get('content-length')).toMatch(/^[1-9]\d+$/)
    expect(await serverError.text()).toBe('')
    expect(logs).toHaveLength(2)
  })
})

function moduleGraphOf(entry: string): { files: ts.SourceFile[]; checker: ts.TypeChecker } {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], lib: ['lib.es2023.d.ts'], noEmit: true })
  return { files: program.getSourceFiles().filter((file) => !file.isDeclarationFile), checker: program.getTypeChecker() }
}
