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

/**
 * Work two dependencies do when they load, for a case a short run never meets, moved to where it
 * is needed. Each edit must match exactly once, or the build fails: a new version of the package
 * is then looked at again rather than bundled unedited. Measured in a one-message scan with the
 * code cache (10 runs each, load 12-17): libmime 12-15 ms, commander 4-6 ms of CPU.
 */
const DEFERRED = [
  {
    // libmime builds iconv-lite's GBK codec (the double-byte tables) to learn the decoder class
    // all double-byte codecs share, used only by a stream decoder for a non-UTF-8 part.
    module: /[\\/]libmime[\\/]dist[\\/]esm[\\/]charset\.js$/,
    edits: [
      ["const DBCS_DECODER = iconv.getCodec('gbk').decoder;", 'let DBCS_DECODER;'],
      ['if (codec.decoder === DBCS_DECODER) {', "if (codec.decoder === (DBCS_DECODER ??= iconv.getCodec('gbk').decoder)) {"],
    ],
  },
  {
    // commander loads child_process (and with it net, dgram...) for executable subcommands, which
    // pixelaudit has none of.
    module: /[\\/]commander[\\/]lib[\\/]command\.js$/,
    edits: [["const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"]],
  },
];

const deferInit = {
  name: 'pixelaudit-defer-init',
  transform(code, id) {
    const entry = DEFERRED.find((d) => d.module.test(id));
    if (!entry) return null;
    let out = code;
    for (const [from, to] of entry.edits) {
      const count = out.split(from).length - 1;
      if (count !== 1) throw new Error(`rolldown.config.mjs: ${id}: expected "${from}" once, found it ${count} times`);
      out = out.replace(from, () => to);
    }
    return { code: out, map: null };
  },
};

// charset 'ascii' escapes strings, not the licence comments kept below: @csstools/color-helpers
// credits each W3C function it ports with "Copyright \u00a9 2022 W3C\u00ae" (its only non-ASCII
// text). Written "(c)" and "(R)", the notice stays and the chunk stays ASCII (test/code-cache.test.ts checks).
const asciiLegalComments = {
  name: 'pixelaudit-ascii-legal-comments',
  transform(code, id) {
    if (!/[\\/]@csstools[\\/]color-helpers[\\/]/.test(id) || !code.includes('\u00a9')) return null;
    return { code: code.replaceAll('\u00a9', '(c)').replaceAll('\u00ae', '(R)'), map: null };
  },
};

export default defineConfig({
  input: {
    main: 'dist/src/cli/main.js',
    'analysis-worker': 'dist/src/engine/analysis-worker.js',
  },
  platform: 'node',
  plugins: [deferInit, asciiLegalComments],
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
