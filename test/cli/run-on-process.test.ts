/**
 * What `npx http-problems` does with the process it runs on: the arguments it passes on, the exit
 * code it sets, and what it says when the command itself breaks.
 */
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { runOnProcess, type CliProcess } from '../../src/cli/run-on-process.js'

interface StandIn extends CliProcess {
  readonly out: string[]
  readonly err: string[]
}

function standIn(argv: readonly string[], cwd: () => string = () => '/work/service'): StandIn {
  const out: string[] = []
  const err: string[] = []
  return {
    argv,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: { NO_COLOR: '1' },
    cwd,
    out,
    err,
  }
}

describe('runOnProcess', () => {
  it('passes the arguments after node and the script, with the process surroundings, and sets the exit code', async () => {
    const proc = standIn(['/usr/bin/node', '/bin/http-problems', 'check', '--url', 'http://127.0.0.1:1'])
    const seen: { args: readonly string[]; io: CliIo }[] = []
    await runOnProcess(proc, async (args, io) => {
      seen.push({ args, io })
      return 2
    })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.args).toEqual(['check', '--url', 'http://127.0.0.1:1'])
    expect(seen[0]!.io).toEqual({ stdout: proc.stdout, stderr: proc.stderr, env: { NO_COLOR: '1' }, cwd: '/work/service' })
    expect(proc.exitCode).toBe(2)
    expect(proc.err).toEqual([])
  })

  it('sets exit code 0 when the command succeeds', async () => {
    const proc = standIn(['node', 'cli'])
    proc.exitCode = 7
    await runOnProcess(proc, async () => 0)
    expect(proc.exitCode).toBe(0)
  })

  it('runs the real command by default: --help prints the usage and exits 0', async () => {
    const proc = standIn(['node', 'cli', '--help'])
    await runOnProcess(proc)
    expect(proc.exitCode).toBe(0)
    expect(proc.out.join('')).toMatch(/^Usage: http-problems <command>/)
  })

  it('says an unexpected Error with its stack, for the bug report, and exits 1', async () => {
    const proc = standIn(['node', 'cli', 'docs'])
    const failure = new TypeError('cannot read the catalog')
    failure.stack = 'TypeError: cannot read the catalog\n    at readCatalog (catalog.ts:1:1)'
    await expect(runOnProcess(proc, () => Promise.reject(failure))).resolves.toBeUndefined()
    expect(proc.err).toEqual(['http-problems: unexpected failure: TypeError: cannot read the catalog\n    at readCatalog (catalog.ts:1:1)\n'])
    expect(proc.exitCode).toBe(1)
  })

  it('says the message of an Error that has no stack', async () => {
    const proc = standIn(['node', 'cli'])
    const failure = new Error('no stack here')
    delete (failure as { stack?: string }).stack
    await runOnProcess(proc, () => Promise.reject(failure))
    expect(proc.err).toEqual(['http-problems: unexpected failure: no stack here\n'])
    expect(proc.exitCode).toBe(1)
  })

  it('says a thrown value that is not an Error as text', async () => {
    const proc = standIn(['node', 'cli'])
    await runOnProcess(proc, () => {
      throw 'disk full' // what a careless dependency may throw
    })
    expect(proc.err).toEqual(['http-problems: unexpected failure: disk full\n'])
    expect(proc.exitCode).toBe(1)
  })

  it('exits 1 with a message, not an unhandled rejection, when the working directory is gone', async () => {
    const proc = standIn(['node', 'cli', 'check'], () => {
      throw new Error("ENOENT: no such file or directory, uv_cwd")
    })
    let ran = false
    await runOnProcess(proc, async () => {
      ran = true
      return 0
    })
    expect(ran).toBe(false)
    expect(proc.exitCode).toBe(1)
    expect(proc.err.join('')).toMatch(/^http-problems: unexpected failure: Error: ENOENT: no such file or directory, uv_cwd\n {4}at /)
  })
})
