#!/usr/bin/env node
// The whole CLI lives in src/; this shim only wires the real process to it. It loads the bundle
// that npm run build makes of it (rolldown.config.mjs), which starts faster than dist/src/.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main();
