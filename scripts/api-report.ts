/**
 * The public API of every entry point (package.json `exports`), as API Extractor reports it from the
 * built declarations in dist/ (what users compile against), kept in api/<name>.api.md.
 *
 *   npm run api:check    part of `npm test`, after the build: fails when the built API differs from
 *                        a report, when an entry point has no report, or a report no entry point
 *   npm run api:update   accepts the change on purpose: rewrites api/, to review and commit
 *
 * Types the public API uses but no entry point exports (ae-forgotten-export) are errors: users could
 * not name them, and the report would not show their shape. Export them on purpose (with JSDoc) or
 * stop leaking them. A type another entry point exports is fine (`http-problems/express` takes an
 * `HttpProblem`, which users import from `http-problems`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage, type IConfigFile } from '@microsoft/api-extractor'
import ts from 'typescript'
import { entryPoints, type EntryPoint } from './entry-points.js'

const ROOT = resolve('.')
const REPORT_FOLDER = join(ROOT, 'api')
const ACCEPT = 'npm run api:update'
const update = process.argv.includes('--update')

const reportFile = (entry: EntryPoint): string => `${entry.name}.api.md`

function configFor(entry: EntryPoint, allDeclarations: string[], temp: string): ExtractorConfig {
  const configObject: IConfigFile = {
    projectFolder: ROOT,
    mainEntryPointFilePath: join(ROOT, entry.types),
    compiler: {
      overrideTsconfig: {
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: true },
        files: allDeclarations,
      },
    },
    apiReport: { enabled: true, reportFileName: entry.name, reportFolder: REPORT_FOLDER, reportTempFolder: temp, includeForgottenExports: false },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.Error, addToApiReportFile: false },
        // Release tags (@public/@beta) are for staged APIs; everything exported here is public.
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // Members document themselves where it helps; test/jsdoc.test.ts holds exported values to JSDoc + @example.
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
      },
      // The JSDoc is checked by test/jsdoc.test.ts; TSDoc's stricter grammar is not this project's.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  }
  return ExtractorConfig.prepare({ configObject, configObjectFullPath: undefined, packageJsonFullPath: join(ROOT, 'package.json') })
}

/** Every name some entry point exports, read from the program API Extractor analysed. */
function publicNames(program: ts.Program, declarations: string[]): Set<string> {
  const checker = program.getTypeChecker()
  const names = new Set<string>()
  for (const file of declarations) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!
    for (const exported of checker.getExportsOfModule(moduleSymbol)) names.add(exported.name)
  }
  return names
}

const FORGOTTEN = /The symbol "([^"]+)" needs to be exported/

function diff(expected: string, actual: string, label: string): string {
  try {
    execFileSync('diff', ['-u', '--label', label, '--label', 'built API', expected, actual], { encoding: 'utf8' })
    return ''
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error)
  }
}

function main(): void {
  const points = entryPoints()
  const failures: string[] = []
  mkdirSync(REPORT_FOLDER, { recursive: true })

  const expected = new Set(points.map(reportFile))
  for (const file of readdirSync(REPORT_FOLDER).filter((name) => name.endsWith('.api.md') && !expected.has(name))) {
    if (update) rmSync(join(REPORT_FOLDER, file))
    else failures.push(`api/${file} reports no entry point in package.json "exports": remove it with \`${ACCEPT}\``)
  }

  const declarations = points.map((entry) => join(ROOT, entry.types))
  const unbuilt = declarations.filter((file) => !existsSync(file))
  if (unbuilt.length > 0) {
    console.error(`api: ${unbuilt.join(', ')} missing: the reports are made from the build, run \`npm run build\` first`)
    process.exitCode = 1
    return
  }
  // Where API Extractor writes the built API to compare; removed at the end.
  const temp = mkdtempSync(join(tmpdir(), 'http-problems-api-'))
  let compilerState: CompilerState | undefined
  let exported: Set<string> | undefined
  for (const entry of points) {
    const report = join(REPORT_FOLDER, reportFile(entry))
    if (!update && !existsSync(report)) {
      failures.push(`${entry.specifier} has no API report (api/${reportFile(entry)}): create it with \`${ACCEPT}\`, review it and commit it`)
      continue
    }
    const config = configFor(entry, declarations, temp)
    // One TypeScript program for every entry point: the declarations are analysed once.
    compilerState ??= CompilerState.create(config, { additionalEntryPoints: declarations })
    exported ??= publicNames(compilerState.program as ts.Program, declarations)
    const elsewhere = exported
    const messages: string[] = []
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      messageCallback: (message: ExtractorMessage) => {
        message.handled = true
        if (message.logLevel !== ExtractorLogLevel.Error && message.logLevel !== ExtractorLogLevel.Warning) return
        // The report's own notices (created, changed) are replaced by the diff and the messages below.
        if (message.messageId.startsWith('console-api-report-')) return
        const forgotten = message.messageId === 'ae-forgotten-export' ? FORGOTTEN.exec(message.text)?.[1] : undefined
        if (forgotten !== undefined && elsewhere.has(forgotten)) return
        messages.push(message.formatMessageWithLocation(ROOT))
      },
    })
    for (const message of messages) failures.push(`${entry.specifier}: ${message}`)
    if (result.apiReportChanged && !update) {
      failures.push(`${entry.specifier}: the public API differs from api/${reportFile(entry)}:\n${diff(report, join(temp, reportFile(entry)), `api/${reportFile(entry)}`)}`)
    }
  }
  rmSync(temp, { recursive: true, force: true })

  if (failures.length > 0) {
    console.error(failures.map((failure) => `api: ${failure}`).join('\n'))
    if (!update) console.error(`\nIf the change is on purpose, accept it with \`${ACCEPT}\` and commit api/ with it (see README "Versioning").`)
    process.exitCode = 1
  } else {
    console.log(`api: ${points.length} entry point reports ${update ? 'written to' : 'match'} api/`)
  }
}

main()
