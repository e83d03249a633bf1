#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm run build` (run by `npm ci` via prepare).
import { main } from '../dist/src/cli/main.js';

// `jixiao eval … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`jixiao: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
