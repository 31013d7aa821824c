/**
 * `http-problems docs`: writes a catalog's pages as static files, the bytes the plugin serves,
 * so a team publishes one catalog that every service's type URIs point to. For each document
 * (`index`, then one per type) it writes `NAME.html` and `NAME.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { SAME_KIND } from '../problem.js'
import { docsSite, type DocsSite } from '../docs/site.js'
import { UsageError } from '../usage-error.js'
import { EXIT, printError, type CliIo, type Command } from './io.js'

const HELP = `Usage: http-problems docs --catalog <module> --out <folder> [options]

Writes the problem catalog's documentation as static files: index.html and index.json, then
NAME.html and NAME.json for every problem type (the bytes the docs option serves).

Options:
  --catalog <module>      JavaScript module exporting the problem types: a default export that is
                          a list of classes, an export named "catalog", or defineProblem classes
                          as named exports. An exported "typeBaseUrl" string is used as below.
  --out <folder>          Folder to write to (created when missing).
  --type-base-url <uri>   The services' typeBaseUrl; the pages are published at its path.
  --path <path>           URL path the files are published under (default: the path of
                          --type-base-url); the pages' links use it.
  --json                  Print the written files as JSON instead of one path per line.
  -h, --help              Show this help.

Example:
  npx http-problems docs --catalog ./problems.js --out ./site \\
    --type-base-url https://errors.example.com/problems
  # then publish ./site at https://errors.example.com/problems/
`

/** The `docs` subcommand. */
export const docsCommand: Command = {
  summary: 'write the problem catalog as static pages (HTML and JSON)',
  run: runDocs,
}

async function runDocs(args: readonly string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...args],
      options: {
        catalog: { type: 'string' },
        out: { type: 'string' },
        'type-base-url': { type: 'string' },
        path: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return usage(io, (error as Error).message)
  }
  if (values.help === true) {
    io.stdout.write(HELP)
    return EXIT.ok
  }
  if (typeof values.catalog !== 'string') return usage(io, 'missing --catalog <module>')
  if (typeof values.out !== 'string') return usage(io, 'missing --out <folder>')

  let exports: Record<string, unknown>
  try {
    exports = (await import(pathToFileURL(resolve(io.cwd, values.catalog)).href)) as Record<string, unknown>
  } catch (error) {
    return usage(io, `cannot load --catalog ${values.catalog}: ${(error as Error).message}`)
  }
  const flag = values['type-base-url']
  const typeBaseUrl = typeof flag === 'string' ? flag : typeof exports.typeBaseUrl === 'string' ? exports.typeBaseUrl : undefined
  let site: DocsSite
  try {
    if (typeBaseUrl !== undefined && !URL.canParse(typeBaseUrl)) return usage(io, `--type-base-url must be an absolute URI, received ${typeBaseUrl}`)
    site = docsSite({ path: values.path, catalog: catalogOf(exports) }, { typeBaseUrl: typeBaseUrl?.replace(/\/+$/, '') }, 'docs')
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    throw error
  }
  return write(site, resolve(io.cwd, values.out), values.json === true, io)
}

/** The problem types a catalog module exports. */
function catalogOf(exports: Record<string, unknown>): unknown {
  if (Array.isArray(exports.default)) return exports.default
  if (exports.catalog !== undefined) return exports.catalog
  // Every problem class among the named exports. A status class (`NotFound` re-exported) is one
  // too: the catalog leaves it out of the declared types, since it documents every status anyway.
  return Object.values(exports).filter((value) => typeof value === 'function' && Object.prototype.hasOwnProperty.call(value, SAME_KIND))
}

async function write(site: DocsSite, out: string, json: boolean, io: CliIo): Promise<number> {
  const written: string[] = []
  try {
    await mkdir(out, { recursive: true })
    for (const [name, document] of site.documents) {
      for (const form of ['html', 'json'] as const) {
        const file = join(out, `${name}.${form}`)
        // Stryker disable next-line StringLiteral: writeFile writes a string as UTF-8 without an encoding too
        await writeFile(file, document[form], 'utf8')
        written.push(file)
      }
    }
  } catch (error) {
    printError(io, `cannot write to ${out}: ${(error as Error).message}`)
    return EXIT.failed
  }
  io.stdout.write(json ? `${JSON.stringify({ path: site.path, files: written }, null, 2)}\n` : `${written.join('\n')}\n`)
  io.stderr.write(`wrote ${site.documents.size} documents (${written.length} files) for ${site.path}/ to ${out}\n`)
  return EXIT.ok
}

function usage(io: CliIo, message: string): number {
  printError(io, message)
  io.stderr.write('Run `http-problems docs --help` for usage and an example.\n')
  return EXIT.misuse
}
