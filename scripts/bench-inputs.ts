// The inputs of npm run bench: the messages of ../shared/corpora (or the bundled sample mailbox),
// written as one mbox and as the one-file-per-message layouts people keep mail in (a folder of
// .eml files, a maildir, Apple Mail .emlx), so that each folder is timed against the same
// messages in one mbox.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findCorpora } from '../src/eval/evaluate.js';
import { detectFormat } from '../src/input/detect-format.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

export const BENCH_DIR = path.join(PACKAGE_ROOT, '.bench');

/** Every single message of the corpora (mbox files and labels left out), in a stable order. */
export function sourceMessages(): Buffer[] {
  const corpora = findCorpora(PACKAGE_ROOT, process.env.PIXELAUDIT_CORPORA);
  const root = corpora ?? path.join(PACKAGE_ROOT, 'fixtures', 'sample-mailbox');
  const out: Buffer[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'labels') walk(p);
      } else if (!/README|\.jsonl$|\.emlx$|\.mbox|mbox\.txt$|\.md$/i.test(e.name)) {
        let b = readFileSync(p);
        // A file with one From_ line at the top is one message: drop the line.
        if (b.subarray(0, 5).toString() === 'From ') b = b.subarray(b.indexOf(0x0a) + 1);
        out.push(b);
      }
    }
  };
  walk(root);
  return out;
}

/** One mbox entry: an envelope line, the message with its `From ` lines quoted (mboxrd), a blank line. */
export function mboxEntry(m: Buffer): string {
  const quoted = m.toString('latin1').replace(/(^|\n)(>*From )/g, '$1>$2');
  return `From bench@example.com Mon Jan  1 00:00:00 2024\n${quoted}${quoted.endsWith('\n') ? '' : '\n'}\n`;
}

export type Layout = 'eml' | 'maildir' | 'emlx';

/** A folder of `count` messages (the sources cycled) in one layout, and the same messages as one mbox. */
export interface FolderCase {
  layout: Layout;
  count: number;
  folder: string;
  mbox: string;
}

/**
 * Writes the folder and its mbox once (kept in .bench/ between runs); written under a temporary
 * name and renamed, so that a stopped build is never taken for a complete one.
 */
export function folderCase(layout: Layout, count: number, sources: Buffer[]): FolderCase {
  const base = path.join(BENCH_DIR, `${layout}-${count}-mail`);
  const folder = path.join(base, 'folder');
  const mbox = path.join(base, 'same.mbox');
  if (existsSync(path.join(base, 'complete'))) return { layout, count, folder, mbox };
  rmSync(base, { recursive: true, force: true });
  // Only what a walk reads as mail: the corpora also hold bare HTML templates, which an mbox
  // takes as headerless messages but a folder walk passes over (644 of 20,000 files), so the
  // two would not hold the same messages.
  const messages = sources.filter((m) => detectFormat(m) === 'eml');
  const building = `${base}.building`;
  rmSync(building, { recursive: true, force: true });
  const files = layout === 'maildir' ? path.join(building, 'folder', 'cur') : path.join(building, 'folder');
  mkdirSync(files, { recursive: true });
  if (layout === 'maildir') {
    mkdirSync(path.join(building, 'folder', 'new'));
    mkdirSync(path.join(building, 'folder', 'tmp'));
  }
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = messages[i % messages.length];
    const n = String(i + 1).padStart(6, '0');
    if (layout === 'eml') writeFileSync(path.join(files, `${n}.eml`), m);
    else if (layout === 'emlx') writeFileSync(path.join(files, `${n}.emlx`), Buffer.concat([Buffer.from(`${m.length}        \n`), m, Buffer.from(EMLX_PLIST)]));
    else writeFileSync(path.join(files, `1700000000.M${n}P4242.bench:2,S`), m);
    entries.push(mboxEntry(m));
  }
  writeFileSync(path.join(building, 'same.mbox'), entries.join(''), 'latin1');
  writeFileSync(path.join(building, 'complete'), '');
  renameSync(building, base);
  return { layout, count, folder, mbox };
}

// What Apple Mail writes after the message: its flags as an XML property list.
const EMLX_PLIST = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>flags</key>
	<integer>8590195713</integer>
</dict>
</plist>
`;
