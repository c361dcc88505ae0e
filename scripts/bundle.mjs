// npm run build, after tsc: the bundles of rolldown.config.mjs, built quietly (the CLI lists every
// chunk), the built-in tracker data in its compiled form (src/trackers/write-compiled-data.ts),
// then the bundle's V8 code cache (src/bundle-loader/write-code-cache.ts), made in a process of
// its own so that it holds only what the CLI itself compiles, reading the compiled data.
import { execFileSync } from 'node:child_process';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build({ ...config, logLevel: 'warn' });
execFileSync(process.execPath, ['dist/src/trackers/write-compiled-data.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, ['dist/src/bundle-loader/write-code-cache.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
