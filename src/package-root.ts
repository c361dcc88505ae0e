import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** pixelaudit's install folder: tests run src/ directly, the CLI runs dist/src/. */
function findRoot(): { dir: string; version: string } {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pixelaudit') return { dir, version: pkg.version ?? '0.0.0' };
    } catch {
      // not here; one level up
    }
    dir = path.dirname(dir);
  }
  throw new Error('pixelaudit: cannot find its own package.json');
}

const root = findRoot();
export const PACKAGE_ROOT = root.dir;
export const VERSION = root.version;
