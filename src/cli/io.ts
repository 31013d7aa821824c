/**
 * What a subcommand may touch, passed in rather than read from `process`, so tests run commands
 * in-process with captured output.
 */

/** An output stream: written to, and maybe a terminal. */
export interface CliStream {
  write(text: string): unknown
  readonly isTTY?: boolean
}

/** The process surroundings of one command run. */
export interface CliIo {
  /** Results. */
  readonly stdout: CliStream
  /** Diagnostics and the progress line. */
  readonly stderr: CliStream
  readonly env: Readonly<Record<string, string | undefined>>
  /** Where relative file paths start. */
  readonly cwd: string
}

/** A subcommand: its one-line summary for the top-level help, and how to run it (returns the exit code). */
export interface Command {
  readonly summary: string
  run(args: readonly string[], io: CliIo): Promise<number>
}

/** Exit codes: 0 nothing failed, 1 a check failed, 2 the command was misused. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, misuse: 2 })

/** True when `stream` is a terminal and `NO_COLOR` (https://no-color.org) is not set. */
export function wantsColour(stream: CliStream, env: CliIo['env']): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '')
}

/** Writes a diagnostic line to stderr: `error: ...`, in red on a terminal unless `NO_COLOR` is set. */
export function printError(io: CliIo, message: string): void {
  io.stderr.write(wantsColour(io.stderr, io.env) ? `\u001b[31merror:\u001b[39m ${message}\n` : `error: ${message}\n`)
}
