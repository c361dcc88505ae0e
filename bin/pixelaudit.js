#!/usr/bin/env node
// The whole CLI lives in src/; this shim only wires the real process to it.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main();
