// npm run build, after tsc: the bundles of rolldown.config.mjs, built quietly (the CLI lists every
// chunk), then their V8 code cache (src/bundle-loader/write-code-cache.ts), made in a process of
// its own so that it holds only what the CLI itself compiles.
import { execFileSync } from 'node:child_process';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build({ ...config, logLevel: 'warn' });
execFileSync(process.execPath, ['dist/src/bundle-loader/write-code-cache.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
