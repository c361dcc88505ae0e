// npm run build, after tsc: the bundles of rolldown.config.mjs, built quietly (the CLI lists every chunk).
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build({ ...config, logLevel: 'warn' });
