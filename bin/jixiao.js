#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli; `npm run build` (run by `npm install` via prepare)
// compiles it to dist/ and bundles it into dist/jixiao.mjs, which starts in half the time.
import { main } from '../dist/jixiao.mjs';

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
