import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT } from '../helpers.js';

/** A real message to cut, splice and mutate: its name says where it came from, for replays. */
export interface RealMessage {
  name: string;
  bytes: Buffer;
}

/** The shared corpora beside the project (never copied into it); PIXELAUDIT_CORPORA points elsewhere. */
export const CORPORA = process.env.PIXELAUDIT_CORPORA ?? path.resolve(ROOT, '..', 'shared', 'corpora');

const ENVELOPE = /^From [^\n]*\n/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'tmp') continue;
    const full = path.join(dir, name);
    const info = statSync(full);
    if (info.isDirectory()) out.push(...filesUnder(full));
    else if (info.isFile() && !/\.(md|json|txt\.md)$/i.test(name) && !/^README/i.test(name)) out.push(full);
  }
  return out;
}

/** Messages of an mbox, split on envelope lines after a blank line (enough for seeding the fuzzer). */
function splitForPool(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.startsWith('From ')) return [bytes];
  return text
    .split(/\n(?=From \S+ +\w{3} \w{3} +\d)/)
    .map((m) => Buffer.from(m.replace(ENVELOPE, ''), 'latin1'))
    .filter((m) => m.length > 0);
}

/** emlx: a byte-count line, the message, a property list. */
function fromEmlx(bytes: Buffer): Buffer {
  const m = /^(\d+)[ \t]*\r?\n/.exec(bytes.toString('latin1', 0, 32));
  return m ? bytes.subarray(m[0].length, m[0].length + Number(m[1])) : bytes;
}

let pool: RealMessage[] | undefined;

/**
 * Every bundled fixture message, then every corpus message when the corpora are present, in a
 * fixed order so that a seed names the same case on every run of the same machine.
 */
export function realMessages(): RealMessage[] {
  if (pool) return pool;
  pool = [];
  const add = (file: string, from: string): void => {
    let bytes: Buffer = readFileSync(file);
    if (bytes.length > 400_000) return;
    if (file.endsWith('.emlx')) bytes = fromEmlx(bytes);
    const parts = splitForPool(bytes);
    parts.forEach((b, i) => pool!.push({ name: `${path.relative(from, file)}${parts.length > 1 ? `#${i + 1}` : ''}`, bytes: b }));
  };
  for (const file of filesUnder(FIXTURES)) if (!file.includes(`${path.sep}fuzz${path.sep}`) && !file.endsWith('.json')) add(file, ROOT);
  if (process.env.FUZZ_CORPORA !== '0') for (const file of filesUnder(CORPORA)) if (!file.includes(`${path.sep}labels${path.sep}`)) add(file, CORPORA);
  return pool;
}

/** Well-formed messages that scan cleanly: the good neighbours of a bad message in an mbox. */
export const GOOD_FILES = ['shipping-sfmc.eml', 'mailtrack-sales.eml', 'blog-selfhosted.eml'].map((name) => path.join(FIXTURES, 'sample-mailbox', name));
export const GOOD_MESSAGES = GOOD_FILES.map((file) => readFileSync(file));
