#!/usr/bin/env node
/** The `http-problems` bin: runs the command line in this process, exits with its code. */
import { main } from './main.js'

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code
  },
)
