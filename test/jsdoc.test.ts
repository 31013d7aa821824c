// Every public export is documented: a JSDoc comment with an @example, read with the TypeScript compiler.
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { entryPoints } from '../scripts/entry-points.js'

// Every entry point in package.json `exports`: a new one is checked without editing this file.
const ENTRY_POINTS = entryPoints().map((entry) => entry.source)

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
