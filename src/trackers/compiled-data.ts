import { isAscii } from 'node:buffer';
import { closeSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openIfRegular, readToEnd } from '../input/regular-file.js';
import { PACKAGE_ROOT } from '../package-root.js';

/**
 * The built-in tracker data in the form a scan reads at start-up (issue 12: "do not re-validate
 * and re-compile the tracker data on every run"), written by `npm run build`
 * (write-compiled-data.ts) into dist/rules/. rules/ stays the one source: a compiled file names
 * the size and modification time of every source file it was made from, and a loader that finds
 * any of them changed, or the file missing or unreadable, reads the sources as before. A file is
 * one JSON header line, then a body the loader searches in place (the CNAME hosts), all ASCII so
 * it is read as one-byte text without UTF-8 decoding.
 */
export const COMPILED_DIR = path.join(PACKAGE_ROOT, 'dist', 'rules');

/** No compiled file the build writes comes near this (the CNAME hosts, the largest, are 1.7 MB). */
const MAX_COMPILED_BYTES = 64 * 1024 * 1024;

/** A source file as it was when compiled: its path from the package root, size and mtime. */
interface Stamp {
  file: string;
  size: number;
  mtimeMs: number;
}

function stampOf(file: string): Stamp {
  const stat = statSync(file);
  return { file: path.relative(PACKAGE_ROOT, file), size: stat.size, mtimeMs: stat.mtimeMs };
}

/** JSON with every non-ASCII character escaped, so the file stays one-byte text. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a compiled file of `sources` (header line, then the body), replacing any old one in one rename. */
export function writeCompiled(target: string, sources: string[], header: object, body = ''): void {
  if (/[^\n\x20-\x7e]/.test(body)) throw new Error(`${target}: the body must be printable ASCII lines`);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, `${asciiJson({ sources: sources.map(stampOf), ...header })}\n${body}`, 'latin1');
  renameSync(temp, target);
}

/** A compiled file's header and its whole text, the body starting at `bodyStart`. */
export interface Compiled<H> {
  header: H;
  text: string;
  bodyStart: number;
}

/**
 * The compiled file at `target` when it was made from exactly `sources` (same paths, in order,
 * each of the same size and mtime as now); undefined when it is missing, stale, or not a
 * regular ASCII file with a JSON header, so the caller reads the sources instead.
 */
export function readCompiled<H>(target: string, sources: string[]): Compiled<H> | undefined {
  let bytes: Buffer;
  try {
    const opened = openIfRegular(target);
    if (!opened) return undefined;
    try {
      if (opened.size > MAX_COMPILED_BYTES) return undefined;
      bytes = readToEnd(opened.fd, opened.size, MAX_COMPILED_BYTES + 1);
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return undefined;
  }
  if (bytes.length > MAX_COMPILED_BYTES || !isAscii(bytes)) return undefined;
  const text = bytes.toString('latin1');
  const end = text.indexOf('\n');
  if (end === -1) return undefined;
  let header: H & { sources?: Stamp[] };
  try {
    header = JSON.parse(text.slice(0, end)) as H & { sources?: Stamp[] };
  } catch {
    return undefined;
  }
  if (!fresh(header.sources, sources)) return undefined;
  return { header, text, bodyStart: end + 1 };
}

function fresh(stamps: Stamp[] | undefined, sources: string[]): boolean {
  if (!Array.isArray(stamps) || stamps.length !== sources.length) return false;
  for (let i = 0; i < sources.length; i++) {
    let now: Stamp;
    try {
      now = stampOf(sources[i]);
    } catch {
      return false;
    }
    const was = stamps[i];
    if (was?.file !== now.file || was.size !== now.size || was.mtimeMs !== now.mtimeMs) return false;
  }
  return true;
}
