import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { createDetector } from '../../src/engine/detector.js';
import { FIXTURES } from '../helpers.js';
import { envelopeCount, mbox } from './arbitraries.js';
import { GOOD_FILES, GOOD_MESSAGES } from './corpus.js';
import { removeScratch, scratchDir, TIMEOUT } from './harness.js';
import { checkAnalyse, checkMbox, checkReadable, checkRedaction, checkScan, fail, scratchFile } from './contract.js';

/**
 * Every case the fuzzer found, kept as a named fixture in fixtures/fuzz/ (fixtures/fuzz/README.md
 * says what each one broke), run through the same properties as the fuzzer's cases: each must
 * hold on every fixture, whichever property first found it.
 */
const DIR = path.join(FIXTURES, 'fuzz');
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => /\.(eml|mbox)$/.test(f))
      .sort()
  : [];

/** The README's table: file name to the property that found it. */
function propertyByFile(): Map<string, string> {
  const readme = existsSync(path.join(DIR, 'README.md')) ? readFileSync(path.join(DIR, 'README.md'), 'utf8') : '';
  const out = new Map<string, string>();
  for (const m of readme.matchAll(/^\| ([^ |]+\.(?:eml|mbox)) \| ([a-z]+) \|/gm)) out.set(m[1], m[2]);
  return out;
}

/** Recipients as the To, Cc and Delivered-To lines of the header block name them plainly. */
function recipientsOf(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const out = new Set<string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    if (!/^(to|cc|delivered-to|x-original-to):/i.test(line)) continue;
    for (const m of line.matchAll(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi)) out.add(m[0].toLowerCase());
  }
  return [...out];
}

/** In a folder, directly and through a symlink from another folder, a message is scanned: never skipped, never lost. */
async function checkScannedInFolder(name: string, bytes: Buffer): Promise<void> {
  const root = scratchDir('pixelaudit-fuzz-walk-');
  const [folder, elsewhere] = [path.join(root, 'mail'), path.join(root, 'elsewhere')];
  mkdirSync(folder);
  mkdirSync(elsewhere);
  writeFileSync(path.join(folder, name), bytes);
  writeFileSync(path.join(elsewhere, name), bytes);
  symlinkSync(path.join(elsewhere, name), path.join(folder, `link-${name}`));
  const { report } = await checkScan([folder]);
  for (const file of [name, `link-${name}`]) {
    const m = report.messages.find((r) => r.source === path.join(folder, file));
    if (!m) fail('totals', `${file} in a folder was not scanned (${report.summary.found} found, ${(report.summary as { skippedFiles?: number }).skippedFiles} skipped)`);
    if (m.error !== null) fail('bucket', `${file} in a folder failed: ${m.error}`);
  }
}

describe('fuzz: found cases (fixtures/fuzz)', () => {
  const detector = createDetector({ redact: true });
  const good = GOOD_FILES[0];
  afterAll(removeScratch);

  const properties = propertyByFile();

  it('has found cases to run, each with its row in fixtures/fuzz/README.md', () => {
    if (files.length === 0) throw new Error('fixtures/fuzz holds no .eml or .mbox file');
    const missing = files.filter((f) => !properties.has(f));
    if (missing.length) throw new Error(`no README row for ${missing.join(', ')}`);
  });

  // The properties in order: a case that stalls fails the first check and does not stall the others.
  for (const name of files) {
    const file = path.join(DIR, name);
    const bytes = readFileSync(file);
    if (name.endsWith('.mbox')) {
      it(
        `${name}: every message of the mbox found, no exit 2, totals add up`,
        async () => {
          await checkMbox(file, envelopeCount(bytes), undefined);
        },
        TIMEOUT,
      );
      continue;
    }
    it(
      `${name}: no throw, one bucket, in time; scan totals and exit code; redacted output holds no recipient form`,
      async () => {
        await checkAnalyse(bytes, detector);
        if (properties.get(name) === 'readable') await checkReadable(bytes, detector);
        if (properties.get(name) === 'walk') await checkScannedInFolder(name, bytes);
        await checkScan([file, good]);
        for (const address of recipientsOf(bytes)) await checkRedaction(file, address);
      },
      TIMEOUT,
    );
    it(
      `${name}: inside a good mbox: every message found, the good ones scanned, no exit 2`,
      async () => {
        await checkMbox(scratchFile('case.mbox', mbox([GOOD_MESSAGES[0], bytes, GOOD_MESSAGES[1]])), 3, 1);
      },
      TIMEOUT,
    );
  }

  // Worker threads take a second to start: every message case goes into one mbox for them.
  const messages = files.filter((f) => f.endsWith('.eml'));
  it(
    'every .eml case in one mbox between good messages, on 2 workers: every message found, the good ones scanned, no exit 2',
    async () => {
      const members = messages.flatMap((f) => [GOOD_MESSAGES[0], readFileSync(path.join(DIR, f))]);
      const file = scratchFile('all.mbox', mbox([...members, GOOD_MESSAGES[1]]));
      await checkMbox(file, members.length + 1, (i) => i % 2 === 1, ['--jobs', '2']);
    },
    TIMEOUT,
  );
});
