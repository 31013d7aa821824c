/**
 * The `http-problems` command: a table of subcommands, each in its own module beside this one.
 * A new subcommand is one import and one entry in `COMMANDS`.
 */
import { checkCommand } from './check.js'
import { docsCommand } from './docs.js'
import { EXIT, printError, type CliIo, type Command } from './io.js'

/** The subcommands, by name. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['check', checkCommand],
  ['docs', docsCommand],
])

/** Runs `http-problems <command> [options]` (argv without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h') {
    io.stdout.write(usage())
    return EXIT.ok
  }
  // A Map, not an object: `toString` is no command, and no name finds none.
  const command = (COMMANDS as ReadonlyMap<string | undefined, Command>).get(name)
  if (command === undefined) {
    printError(io, name === undefined ? 'a command is required' : `unknown command ${JSON.stringify(name)}`)
    io.stderr.write(`\n${usage()}`)
    return EXIT.misuse
  }
  return command.run(args, io)
}

function usage(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((name) => name.length))
  const lines = [...COMMANDS].map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return ['Usage: http-problems <command> [options]', '', 'Commands:', ...lines, '', 'Run http-problems <command> --help for its options.', ''].join('\n')
}
