/**
 * The `http-problems` command: a table of subcommands, each in its own file beside this one.
 * Adding one is one import and one row.
 */
import { docsCommand } from './docs.js'
import { EXIT, printError, type CliIo, type Command } from './io.js'

/** Every subcommand, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  docs: docsCommand,
})

const USAGE = () => `Usage: http-problems <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)}${command.summary}`)
  .join('\n')}

Run \`http-problems <command> --help\` for a command's options and an example.
`

/** Runs the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h') {
    ;(name === undefined ? io.stderr : io.stdout).write(USAGE())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined
  if (command === undefined) {
    printError(io, `unknown command "${name}"`)
    io.stderr.write(USAGE())
    return EXIT.usage
  }
  return command.run(args, io)
}
