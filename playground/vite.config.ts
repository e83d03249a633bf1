// Builds the playground as a static site with relative URLs, so it works from any folder of any
// web server. The page, the check worker, Monaco and the XLSX reader are separate chunks.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The worker imports the compiler from ../src and the page reads ../rulesets.
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] }, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // The compiler's CSV reader uses csv-parse's Node build (Buffer); the browser build is the same parser.
  resolve: { alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco alone is several megabytes; it is loaded after the page is usable.
    chunkSizeWarningLimit: 4096,
  },
});
