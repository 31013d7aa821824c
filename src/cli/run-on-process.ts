/**
 * The step between Node's `process` and `main`: what `bin.ts` runs, kept apart so that tests can
 * run it on a stand-in process (importing `bin.ts` would run the command on the test runner's own).
 */
import type { CliIo } from './io.js'
import { main } from './main.js'

/** The parts of Node's `process` the command reads and sets. */
export interface CliProcess {
  readonly argv: readonly string[]
  readonly stdout: CliIo['stdout']
  readonly stderr: CliIo['stderr']
  readonly env: CliIo['env']
  cwd(): string
  exitCode?: number | string | null | undefined
}

/**
 * Runs the command named by `proc.argv` (after `node` and the script) and sets `proc.exitCode` to
 * its exit code. A failure no command caught is the tool's own bug: it is written to stderr with
 * its stack, for the bug report, and the exit code is 1. Never rejects.
 */
export async function runOnProcess(proc: CliProcess, run: typeof main = main): Promise<void> {
  try {
    // Inside the try: `cwd()` throws when the working directory was deleted.
    const io: CliIo = { stdout: proc.stdout, stderr: proc.stderr, env: proc.env, cwd: proc.cwd() }
    proc.exitCode = await run(proc.argv.slice(2), io)
  } catch (error) {
    proc.stderr.write(`http-problems: unexpected failure: ${describeFailure(error)}\n`)
    proc.exitCode = 1
  }
}

/** An `Error`'s stack (or its message when it has none); anything else thrown, as text. */
function describeFailure(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
