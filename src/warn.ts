/**
 * The last channel for a fault nothing else can report (a logger that throws, a broken span, a
 * failing mapping rule): Node's process warning where there is a Node process, else
 * `console.warn`. Read through `globalThis`, so the module also runs where `process` does not
 * exist (Cloudflare Workers, Deno without Node globals, browsers): the fetch entry point's code
 * path must not name Node's globals.
 */

interface WarningOptions {
  code: string
  detail?: string
}

type EmitWarning = (message: string, options: WarningOptions) => void

/** Emits `message` as a process warning with `code`, or logs it to the console. Never throws. */
export function emitWarning(message: string, options: WarningOptions): void {
  try {
    const host = (globalThis as { process?: { emitWarning?: EmitWarning } }).process
    if (typeof host?.emitWarning === 'function') {
      host.emitWarning(message, options)
      return
    }
    console.warn(`${options.code}: ${message}${options.detail === undefined ? '' : ` (${options.detail})`}`)
  } catch {
    // A warning listener that throws is beyond anything left to tell.
  }
}
