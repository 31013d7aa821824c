#!/usr/bin/env node
/** The executable behind `npx http-problems`: runs the command on this process (see run-on-process.ts). */
import { runOnProcess } from './run-on-process.js'

void runOnProcess(process)
