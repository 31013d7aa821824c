// Every public export is documented: a JSDoc comment with an @example, read with the TypeScript compiler.
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ENTRY_POINTS = ['src/index.ts', 'src/express/index.ts', 'src/client/index.ts', 'src/testing/index.ts', 'src/mapping/index.ts', 'src/nestjs/index.ts', 'src/fetch/index.ts', 'src/koa/index.ts']

function undocumentedExports(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)!
  const moduleSymbol = checker.getSymbolAtLocation(source)!
  const missing: string[] = []
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    // Types document themselves through their members; the rule is for values a user calls or reads.
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue
    const hasExample = (symbol.getDeclarations() ?? []).some((declaration) =>
      ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
    ) || symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')
    if (!hasExample) missing.push(exported.name)
  }
  return missing
}

describe('public API documentation', () => {
  // Building a program is slow on a loaded machine; this is a correctness check, not a timing one.
  it.each(ENTRY_POINTS)('%s: every exported value has JSDoc with @example', { timeout: 60_000 }, (entry) => {
    expect(undocumentedExports(entry)).toEqual([])
  })
})
