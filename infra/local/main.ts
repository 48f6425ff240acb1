#!/usr/bin/env node
import './cli/quiet-sdk-warnings.js';
import { runCli } from './cli/run-cli.js';

const exitCode = await runCli(process.argv.slice(2));
if (exitCode !== 0) process.exit(exitCode);
