import { readSync } from 'node:fs';
import type { UidIndex } from './cache-index.js';

const CHUNK = 1 << 20;
const HEAD = 32;
const MAX_HEADER = 64 * 1024;
// A result line past this is not read back (bounded memory per lookup); the message is scanned again.
const MAX_LINE = 64 * 1024 * 1024;
const RECORD_PREFIX = Buffer.from('{"uid":');

/**
 * Streams a cache file once, CHUNK bytes at a time: checks its header line with `isOurs` and adds
 * each complete record line to `index` by its UID, read from the line's first bytes only.
 * Undefined when the header is not ours. `end` is where the last complete line ends: bytes after
 * it are a line cut by a crash.
 */
export function scanFile(fd: number, isOurs: (header: string) => boolean, index: UidIndex): { end: number; broken: number } | undefined {
  let broken = 0;
  const chunk = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  let lineStart = 0;
  let head: Buffer[] = [];
  let headLength = 0;
  let headerSeen = false;
  let firstLine: Buffer[] = [];
  let firstLength = 0;
  for (;;) {
    const n = readSync(fd, chunk, 0, CHUNK, pos);
    if (n === 0) break;
    const view = chunk.subarray(0, n);
    let i = 0;
    while (i < n) {
      const nl = view.indexOf(0x0a, i);
      const stop = nl === -1 ? n : nl;
      if (!headerSeen) {
        if (firstLength + stop - i > MAX_HEADER) return undefined;
        firstLine.push(Buffer.from(chunk.subarray(i, stop)));
        firstLength += stop - i;
      } else if (headLength < HEAD) {
        const piece = Buffer.from(chunk.subarray(i, Math.min(stop, i + HEAD - headLength)));
        head.push(piece);
        headLength += piece.length;
      }
      if (nl === -1) break;
      const length = pos + nl - lineStart;
      if (!headerSeen) {
        if (!isOurs(Buffer.concat(firstLine).toString('utf8'))) return undefined;
        headerSeen = true;
        firstLine = [];
      } else {
        const uid = length > MAX_LINE ? undefined : recordUid(head.length === 1 ? head[0] : Buffer.concat(head));
        if (uid === undefined) broken++;
        else index.add(uid, lineStart, length);
      }
      lineStart = pos + nl + 1;
      head = [];
      headLength = 0;
      i = nl + 1;
    }
    pos += n;
  }
  return headerSeen ? { end: lineStart, broken } : undefined;
}

/** The UID of a record line from its first bytes (`{"uid":123,`), without parsing the whole line. */
function recordUid(head: Buffer): number | undefined {
  if (head.length < RECORD_PREFIX.length + 2 || !head.subarray(0, RECORD_PREFIX.length).equals(RECORD_PREFIX)) return undefined;
  let uid = 0;
  let i = RECORD_PREFIX.length;
  for (; i < head.length && head[i] >= 0x30 && head[i] <= 0x39; i++) uid = uid * 10 + head[i] - 0x30;
  if (i === RECORD_PREFIX.length || i >= head.length || head[i] !== 0x2c || uid < 1 || uid > 0xffffffff) return undefined;
  return uid;
}

/** The offset just after the last newline in [from, size), or `from` when there is none. */
export function endOfLastLine(fd: number, from: number, size: number): number {
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (let stop = size; stop > from; ) {
    const start = Math.max(from, stop - buf.length);
    const n = readSync(fd, buf, 0, stop - start, start);
    const nl = buf.subarray(0, n).lastIndexOf(0x0a);
    if (nl !== -1) return start + nl + 1;
    stop = start;
  }
  return from;
}
