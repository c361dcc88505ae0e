// The CLI and its analysis worker as two bundles (npm run build, after tsc): one file each to
// load instead of about 400 modules resolved, read and linked one by one at every start. Lazy
// imports (each command, mailparser's stream parser, the worker pool, the formatters) stay
// separate chunks loaded on demand. See "Folders, start-up and memory" in the README.
//
// CommonJS, not ES modules: Node 20 has a V8 code cache only for scripts (vm.Script cachedData;
// module.enableCompileCache() is Node 22.1+), so the chunks are scripts that
// src/bundle-loader/load-bundle.ts compiles with the cache scripts/bundle.mjs writes beside them.
// ASCII only (non-ASCII escaped): a chunk is then read as one-byte text, 0.7 ms instead of 6.5 ms
// for the 1.5 MB HTML chunk here, and V8 keeps its source at one byte a character.
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
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    charset: 'ascii',
    // Doc comments are for the source; licence and /* @__PURE__ */ comments stay.
    comments: { legal: true, annotation: true, jsdoc: false },
    sourcemap: true,
  },
});
