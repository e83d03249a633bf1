// Bundles the compiled CLI (dist/src/cli/main.js) and its dependencies into one module,
// dist/jixiao.mjs, which bin/jixiao.js runs. One file instead of the few hundred small modules
// chevrotain's lodash-es and the rest are made of halves the CLI's start-up (about 1.3 s → 0.45 s
// of CPU on the benchmark machine), which every `jixiao` call pays.
import { build } from 'esbuild';

/**
 * Our own modules have no side effects on import, so the bundler may leave out any whose exports
 * go unused: the worker, which only scores, then carries no parser (chevrotain, lodash-es) —
 * less to load and less memory per thread.
 */
const ownModulesArePure = {
  name: 'own-modules-are-pure',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'own') return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'own' });
      return /[\\/]dist[\\/](src|grammar)[\\/]/.test(r.path) ? { ...r, sideEffects: false } : r;
    });
  },
};

/** Two whole bundles rather than shared chunks, so each one's import.meta.url is the file beside the other. */
const bundles = [
  ['dist/src/cli/main.js', 'dist/jixiao.mjs'],
  // the worker thread of `jixiao eval --format csv` (src/cli/eval-worker.ts), found beside dist/jixiao.mjs
  ['dist/src/cli/eval-worker.js', 'dist/jixiao-worker.mjs'],
];

for (const [entry, outfile] of bundles) {
  await build({
    entryPoints: [entry],
    outfile,
    plugins: [ownModulesArePure],
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
}
