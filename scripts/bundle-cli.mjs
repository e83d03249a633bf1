// Bundles the compiled CLI (dist/src/cli/main.js) and its dependencies into one module,
// dist/jixiao.mjs, which bin/jixiao.js runs. One file instead of the few hundred small modules
// chevrotain's lodash-es and the rest are made of halves the CLI's start-up (about 1.4 s → 0.7 s
// of CPU on the benchmark machine), which every `jixiao` call pays.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/main.js'],
  outfile: 'dist/jixiao.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // loaded on demand for --target table --format xlsx only
  external: ['exceljs'],
  // CommonJS dependencies (cli-progress) call require(); an ES module has none of its own
  banner: { js: "import { createRequire as jixiaoRequire } from 'node:module'; const require = jixiaoRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
