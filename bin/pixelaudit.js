#!/usr/bin/env node
// The whole CLI lives in src/; this shim only wires the real process to it. It runs the bundle
// that npm run build makes of it (rolldown.config.mjs), with its V8 code cache
// (src/bundle-loader/load-bundle.ts): that starts faster than dist/src/.
import { loadBundle } from '../dist/src/bundle-loader/load-bundle.js';

const { main } = loadBundle('main.cjs');
process.exitCode = await main();
