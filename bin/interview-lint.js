#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`interview-lint: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
