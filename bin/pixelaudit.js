#!/usr/bin/env -S node --max-semi-space-size=8
// The one flag on the line above is MAIN_SEMI_SPACE_MB of src/cli/heap.ts (test/launcher.test.ts
// keeps them equal): V8 sizes the main thread's young generation only from Node's command line
// (32 MB of RSS by default, 16 MB with it). `env -S` splits the line into words (GNU coreutils 8.30+,
// macOS, FreeBSD); npm's Windows shims (cmd-shim 6.0.1+) read the flag from it too. Started as
// `node bin/pixelaudit.js`, it runs the same, with the default young generation.
// The whole CLI lives in src/; this shim only wires the real process to it. It runs the bundle
// that npm run build makes of it (rolldown.config.mjs), with its V8 code cache
// (src/bundle-loader/load-bundle.ts): that starts faster than dist/src/.
import { loadBundle } from '../dist/src/bundle-loader/load-bundle.js';

const { main } = loadBundle('main.cjs');
process.exitCode = await main();
