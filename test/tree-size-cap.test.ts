import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '../src/engine/deadline.js';
import { extractWith } from '../src/html/extract-resources.js';
import { fastTree } from '../src/html/fast-tree.js';
import { specTree } from '../src/html/spec-tree.js';
import { MAX_TREE_NODES, TreeTooLarge } from '../src/html/tree-size-cap.js';
import { htmlMessage, ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const PIXEL = '<img src="https://t.example/o.gif?id=abcdefghij1234567890" width="1" height="1">';
// `<p>` closes the `<p>` before it: N of them are N sibling elements, plus html, head and body.
const paragraphs = (n: number): string => '<p>'.repeat(n);

describe.each([
  ['fast builder', fastTree],
  ['parse5', specTree],
])('the per-message node cap (%s)', (_name, builder) => {
  it('reads a document of exactly the cap, its last element included', () => {
    // html, head, body, the paragraphs and the img: MAX_TREE_NODES nodes.
    const html = paragraphs(MAX_TREE_NODES - 4) + PIXEL;
    expect(extractWith(builder, html, NO_DEADLINE).resources.map((r) => r.url)).toEqual(['https://t.example/o.gif?id=abcdefghij1234567890']);
  });

  it('refuses one node more, elements or comments', () => {
    expect(() => extractWith(builder, paragraphs(MAX_TREE_NODES - 3) + PIXEL, NO_DEADLINE)).toThrow(TreeTooLarge);
    expect(() => extractWith(builder, '<!---->'.repeat(MAX_TREE_NODES + 1), NO_DEADLINE)).toThrow(TreeTooLarge);
  });
});

/**
 * The memory itself, by heap: the built CLI with V8's heap capped at 128 MB. Before the cap, a
 * 30 MB message of `<p>` built a 10-million-element tree (2.5 GB of RSS) and this process died
 * out of memory (exit 134) at 128 MB; a 7.5 MB one needed 550 MB of heap for its tree alone.
 */
describe('a 30 MB message of <p> under a 128 MB heap', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-tree-cap-'));
  const scan = (name: string, html: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, htmlMessage(html));
    const run = spawnSync(process.execPath, ['--max-old-space-size=128', BIN, 'scan', file, '--jobs', '1', '-f', 'json', '-q'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    return JSON.parse(run.stdout) as { summary: { scanned: number; failed: number; tracked: number; failures: Array<{ key: string; messages: number }> } };
  };

  it('fails that message cleanly, with the budget as its reason', () => {
    const { summary } = scan('p30.eml', paragraphs(10_000_000) + PIXEL);
    expect(summary.failed).toBe(1);
    expect(summary.failures).toEqual([{ key: `html: ${new TreeTooLarge().message}`, messages: 1 }]);
  });

  it('reads a message of the same size whose tree is within the cap, pixel found', () => {
    const { summary } = scan('text30.eml', `<p>${'x'.repeat(140)}`.repeat(MAX_TREE_NODES - 10) + PIXEL);
    expect(summary).toMatchObject({ scanned: 1, failed: 0, tracked: 1 });
  });
});
