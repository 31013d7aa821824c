/**
 * What a command may touch of the process: its output streams, environment and working folder.
 * Passed in, so tests run commands in-process and read what they printed.
 */

/** A stream a command writes to. */
export interface OutputStream {
  write(text: string): unknown
  /** True for a terminal (colour is only used there). */
  isTTY?: boolean | undefined
}

/** The process facts a command runs with. */
export interface CliIo {
  stdout: OutputStream
  stderr: OutputStream
  env: Readonly<Record<string, string | undefined>>
  cwd: string
}

/** Exit codes: success, a failed run (a check failed, a file could not be written), misuse. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 })

/** One subcommand of the `http-problems` command. */
export interface Command {
  /** One line for the command list. */
  summary: string
  /** Runs with the arguments after the subcommand's name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>
}

/** Writes a diagnostic to stderr, in red on a terminal unless `NO_COLOR` is set (no-color.org). */
export function printError(io: CliIo, message: string): void {
  const colour = io.stderr.isTTY === true && (io.env.NO_COLOR ?? '') === ''
  io.stderr.write(colour ? `\u001b[31merror:\u001b[39m ${message}\n` : `error: ${message}\n`)
}
