import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from './helpers.js';

export const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
/** Messages written for the report's safety tests: script tags, handlers, breakouts and bidi controls in every field. */
export const HOSTILE = path.join(FIXTURES, 'hostile-report');

/** The hostile mailbox in a folder whose file names are hostile too (made at test time: such names do not belong in git). */
export function HOSTILE_FOLDER(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-hostile-report-'));
  // U+2215 stands for the slash a file name cannot hold.
  const names = ['<script>window.__pwned=20<\u2215script>.eml', '" onmouseover="window.__pwned=21\u202e.eml'];
  readdirSync(HOSTILE)
    .sort()
    .forEach((f, i) => copyFileSync(path.join(HOSTILE, f), path.join(dir, names[i] ?? f)));
  return dir;
}
