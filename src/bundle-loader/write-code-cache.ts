// npm run build, after the bundle (scripts/bundle.mjs runs this in a process of its own): runs the
// short commands whose start-up matters (one message scanned in JSON and as a table, one template
// checked) through the bundle, then saves the V8 code of every chunk they loaded into
// dist/bundle/code-cache/, where load-bundle.ts finds it. Taken after the runs, the cache holds
// every function those commands ran, so a later run compiles almost nothing. Nothing here reads
// mail but the bundled sample message, and no run writes anything but its report to stdout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { CODE_CACHE_DIR, codeCacheOfLoadedChunks, loadBundle } from './load-bundle.js';
import { SAMPLE_TEMPLATE } from './sample-template.js';

const MESSAGE = path.join(PACKAGE_ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');

const work = mkdtempSync(path.join(tmpdir(), 'pixelaudit-code-cache-'));
try {
  const template = path.join(work, 'newsletter.html');
  writeFileSync(template, SAMPLE_TEMPLATE);
  const { main } = loadBundle('main.cjs') as { main: () => Promise<number> };
  for (const args of [
    ['scan', MESSAGE, '-f', 'json'],
    ['scan', MESSAGE],
    ['check', template, '--fail-on', 'never'],
    // A folder as CSV: the walker, the CSV formatter and, for forwarded-newsletter.eml, the MIME
    // fallback (mailparser's chunks), which a run over a folder of real mail nearly always meets.
    ['scan', path.dirname(MESSAGE), '-f', 'csv', '-q'],
  ]) {
    process.argv = [process.argv[0], 'pixelaudit', ...args];
    await main();
  }
  for (const { file, data } of codeCacheOfLoadedChunks()) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  process.exitCode = 0;
  process.stderr.write(`code cache: ${path.relative(PACKAGE_ROOT, CODE_CACHE_DIR)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
