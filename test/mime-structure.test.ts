import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHtmlParts } from '../src/clean/mime-parts.js';
import { decodeBody } from '../src/clean/transfer-encoding.js';
import { findCorpora } from '../src/eval/evaluate.js';
import { splitMbox } from '../src/input/mbox-splitter.js';
import { base64DataEnd, delimitedParts, readMimeTree } from '../src/mail/mime-structure.js';
import { parseMessage } from '../src/mail/parse-message.js';
import { ROOT } from './helpers.js';

const corpora = findCorpora(ROOT, process.env.PIXELAUDIT_CORPORA);
const text = (b: Buffer, [s, e]: [number, number]) => b.toString('latin1', s, e);

describe('the MIME structure reader (scan check and clean)', () => {
  it('finds parts between delimiter lines as mailsplit does', () => {
    const body = Buffer.from('preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--b  \t\r\n\r\ntwo\r\n--bx\r\n--b--\r\nepilogue\r\n', 'latin1');
    const parts = delimitedParts(body, 0, body.length, 'b');
    expect(parts).toMatchObject({ found: true, closed: true, unusual: false });
    expect(parts.ranges.map((r) => text(body, r))).toEqual(['A: 1\r\n\r\none', '\r\ntwo\r\n--bx']);
    // Unclosed: the last part runs to the end. Never opened: no parts.
    const open = Buffer.from('--b\nx\n--b\ny\n');
    expect(delimitedParts(open, 0, open.length, 'b')).toMatchObject({ found: true, closed: false });
    expect(delimitedParts(open, 0, open.length, 'b').ranges.map((r) => text(open, r))).toEqual(['x', 'y\n']);
    const never = Buffer.from('text\n-- b\n');
    expect(delimitedParts(never, 0, never.length, 'b')).toMatchObject({ found: false, closed: false, ranges: [] });
    // What mailsplit may read otherwise is flagged, so the fast path leaves it to mailparser.
    for (const odd of ['--b--\n--b\nx\n--b--\n', '--b\nx\r--b\ny\n--b--\n']) {
      const b = Buffer.from(odd);
      expect(delimitedParts(b, 0, b.length, 'b').unusual, JSON.stringify(odd)).toBe(true);
    }
  });

  it('reads headers, types and nesting, attached messages included', () => {
    const msg = Buffer.from(
      'Content-Type: multipart/mixed; boundary="o"\n\n--o\nContent-Type: text/html; charset=ISO-8859-1\nContent-Transfer-Encoding: Base64\n\nPHA+\n--o\nContent-Type: message/rfc822\n\nSubject: inner\nContent-Type: text/html\n\n<p>in</p>\n--o--\n',
      'latin1',
    );
    const tree = readMimeTree(msg);
    expect(tree.type).toBe('multipart/mixed');
    expect(tree.children.map((c) => [c.type, c.encoding, c.charset, c.depth, c.messageDepth])).toEqual([
      ['text/html', 'base64', 'iso-8859-1', 1, 0],
      ['message/rfc822', '', undefined, 1, 0],
    ]);
    const inner = tree.children[1].attached;
    expect([inner?.type, inner?.messageDepth, text(msg, [inner?.bodyStart ?? 0, inner?.bodyEnd ?? 0])]).toEqual(['text/html', 1, '<p>in</p>']);
  });

  it('ends base64 data at the first line outside the alphabet', () => {
    const b = Buffer.from('PGI+\r\naGk8L2I+\r\n\r\n-- \r\nList footer https://lists.example/\r\n');
    expect(b.toString('latin1', 0, base64DataEnd(b, 0, b.length))).toBe('PGI+\r\naGk8L2I+\r\n\r\n');
    const clean = Buffer.from('PGI+\r\naGk8L2I+\r\n');
    expect(base64DataEnd(clean, 0, clean.length)).toBe(clean.length);
  });
});

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function messages(root: string): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  for (const file of walk(root)) {
    if (file.includes(`${path.sep}labels${path.sep}`) || /README|\.jsonl?$|\.md$/i.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 5).toString() !== 'From ') out.push([file, bytes]);
    else
      for await (const m of splitMbox(
        (async function* () {
          yield bytes;
        })(),
      ))
        if (m.bytes) out.push([`${file}#${m.index}`, m.bytes]);
  }
  return out;
}

/** The HTML clean can rewrite: every part the structure reader finds, decoded, attached messages in base64 too. */
function cleanableHtml(text: string, level = 0): string {
  let out = '';
  for (const part of findHtmlParts(text, level)) {
    const decoded = decodeBody(text.slice(part.bodyStart, part.bodyEnd), part.encoding, part.charset);
    out += part.kind === 'encoded-message' ? cleanableHtml(decoded, level + 1) : decoded;
  }
  return out;
}

describe('scan and clean read the same parts', () => {
  // A fix in the structure reader is a fix in both: every image URL the scan reads (fast path or
  // mailparser) stands in the HTML that clean finds. Measured on all shared corpus messages with
  // HTML (996): no miss; the test runs the fixtures and a slice of the corpora.
  it('every image URL the scan reads is in the HTML clean locates', async () => {
    const all = [...(await messages(path.join(ROOT, 'fixtures'))), ...(corpora ? (await messages(corpora)).filter((_, i) => i % 3 === 0) : [])];
    let checked = 0;
    for (const [name, bytes] of all) {
      let html: string | null;
      try {
        html = (await parseMessage(bytes)).html;
      } catch {
        continue; // a failed message is not cleaned either
      }
      if (!html) continue;
      const urls = [...html.matchAll(/\bsrc\s*=\s*["']?(https?:[^"'\s>]+)/gi)].map((m) => m[1]);
      const located = cleanableHtml(bytes.toString('latin1'));
      expect(
        urls.filter((u) => !located.includes(u)),
        name,
      ).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(corpora ? 250 : 20);
  }, 60_000);
});
