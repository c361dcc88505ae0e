// The CLI and its analysis worker as two bundles (npm run build, after tsc): one file each to
// load instead of about 400 modules resolved, read and linked one by one at every start. Lazy
// imports (each command, mailparser's stream parser, the worker pool, the formatters) stay
// separate chunks loaded on demand. See "Start-up" in the README for the measurements.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    main: 'dist/src/cli/main.js',
    'analysis-worker': 'dist/src/engine/analysis-worker.js',
  },
  platform: 'node',
  // recheck finds its native checker binary next to its own files: it stays a package.
  external: ['recheck'],
  // mailparser's index imports its stream parser (and html-to-text, he, mailsplit) for its side
  // effects; it has none, and only the address parser is needed up front: the stream parser is
  // imported on its own, lazily (src/mail/parse-message.ts).
  treeshake: { moduleSideEffects: (id) => !/[\\/]node_modules[\\/]mailparser[\\/]/.test(id) },
  output: {
    dir: 'dist/bundle',
    // Chunk names carry a content hash: without this, every build would leave the old ones behind.
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
});
