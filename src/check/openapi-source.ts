/**
 * Reads `--openapi <url|file>`: a file on disk, or a URL on the checked origin (the check talks
 * to no other host), fetched with the same headers and timeout as the probes.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../usage-error.js'
import { parseOpenApi, routesFromOpenApi } from './openapi.js'
import type { Route } from './routes.js'
import { send } from './send.js'

/** Where the document is, and how requests are sent. */
export interface OpenApiSource {
  readonly source: string
  readonly baseUrl: URL
  readonly headers: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly cwd: string
}

/** The largest document read. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

/** The routes of the document; throws a `UsageError` naming `--openapi` when it cannot be used. */
export async function openApiRoutes(options: OpenApiSource): Promise<Route[]> {
  const text = /^https?:\/\//i.test(options.source) ? await download(options) : await readDocument(options)
  try {
    return routesFromOpenApi(parseOpenApi(text))
  } catch (error) {
    throw misuse((error as Error).message)
  }
}

async function download({ source, baseUrl, headers, timeoutMs }: OpenApiSource): Promise<string> {
  if (!URL.canParse(source)) throw misuse(`${JSON.stringify(source)} is not a URL`)
  const url = new URL(source)
  if (url.origin !== baseUrl.origin) throw misuse(`${url.origin} is not the checked origin ${baseUrl.origin}; download the document and pass the file`)
  const exchange = await send({ url, headers: { accept: 'application/json', ...headers } }, { timeoutMs, maxBodyBytes: MAX_DOCUMENT_BYTES })
  if (!exchange.ok) throw misuse(`could not download ${url.pathname}: ${exchange.reason}`)
  if (exchange.status !== 200) throw misuse(`GET ${url.pathname} answered ${exchange.status}, not 200`)
  return exchange.text
}

async function readDocument({ source, cwd }: OpenApiSource): Promise<string> {
  try {
    // Stryker disable next-line StringLiteral: without an encoding readFile gives a Buffer, which JSON.parse reads as the same UTF-8 text
    return await readFile(resolve(cwd, source), 'utf8')
  } catch (error) {
    throw misuse(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

function misuse(message: string): UsageError {
  return new UsageError('ERR_HTTP_PROBLEMS_INVALID_OPTION', `--openapi: ${message}`)
}
