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
import { TAGS_ONLY_NOTE, tagTree } from '../src/html/tag-tree.js';
import { TAGS_ONLY_WARNING } from '../src/engine/analyse-message.js';
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

  it('one node more, elements or comments: no tree, the tags read alone, the pixel after the padding listed as a may-load', () => {
    const over = extractWith(builder, paragraphs(MAX_TREE_NODES - 3) + PIXEL, NO_DEADLINE);
    expect(over.tagsOnly).toBe(true);
    expect(over.resources).toMatchObject([{ url: 'https://t.example/o.gif?id=abcdefghij1234567890', element: 'img', width: 1, height: 1, load: 'may', loadNote: TAGS_ONLY_NOTE }]);
    const comments = extractWith(builder, `${'<!---->'.repeat(MAX_TREE_NODES + 1)}<div style="display:none">${PIXEL}</div>`, NO_DEADLINE);
    expect(comments.tagsOnly).toBe(true);
    expect(comments.resources.map((r) => r.url)).toEqual(['https://t.example/o.gif?id=abcdefghij1234567890']);
  });
});

describe('the tags of a document over the cap', () => {
  const tags = (html: string): Array<[string, string, Record<string, string>]> => {
    const out: Array<[string, string, Record<string, string>]> = [];
    tagTree(html, NO_DEADLINE).walk({ enter: (el) => out.push([el.namespace, el.name, { ...el.attrs }]), leave() {}, comment() {} });
    return out;
  };

  it('keeps each element with an attribute and each style, with namespaces and adjusted SVG names', () => {
    expect(tags('<p><div class=a><style>p{top:0}</style><svg><feimage href="https://t.example/f"/></svg><image src=x><math><mi id=m></mi></math><b>')).toEqual([
      ['html', 'div', { class: 'a' }],
      ['html', 'style', {}],
      ['svg', 'feImage', { href: 'https://t.example/f' }],
      ['html', 'img', { src: 'x' }],
      ['math', 'mi', { id: 'm' }],
    ]);
    expect(tagTree('<style>a{}</style><style></style><p style=x><style>b{}</style>', NO_DEADLINE).styles.map((s) => s.css)).toEqual(['a{}', '', 'b{}']);
  });

  it('keeps at most the cap, so a document of that many attributes still fails', () => {
    expect(() => tagTree('<p a>'.repeat(MAX_TREE_NODES + 1), NO_DEADLINE)).toThrow(TreeTooLarge);
    expect(() => extractWith(fastTree, '<p a>'.repeat(MAX_TREE_NODES + 1), NO_DEADLINE)).toThrow(TreeTooLarge);
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
    // The memory is tested, not the time: the budget is wall-clock, and at load 15-20 reading 30 MB of tags took 12 s of it (2.8 s of CPU).
    const run = spawnSync(process.execPath, ['--max-old-space-size=128', BIN, 'scan', file, '--jobs', '1', '-f', 'json', '-q', '--message-timeout', '300'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    return JSON.parse(run.stdout) as { summary: { scanned: number; failed: number; tracked: number; failures: Array<{ key: string; messages: number }> }; messages: Array<{ warnings: string[]; findings: Array<{ ruleId: string }> }> };
  };

  // A sender who pads a tracked message past the cap no longer turns "tracked" into "failed".
  it('reads that message from its tags alone: scanned, tracked, with the warning', () => {
    const { summary, messages } = scan('p30.eml', paragraphs(10_000_000) + PIXEL);
    expect(summary).toMatchObject({ scanned: 1, failed: 0, tracked: 1 });
    expect(messages[0].warnings).toContain(TAGS_ONLY_WARNING);
    expect(messages[0].findings.map((f) => f.ruleId)).toEqual(['PA002']);
  });

  it('fails a message of more elements with attributes than the cap, with the budget as its reason', () => {
    const { summary } = scan('a30.eml', '<p a>'.repeat(MAX_TREE_NODES + 1) + PIXEL);
    expect(summary.failed).toBe(1);
    expect(summary.failures).toEqual([{ key: `html: ${new TreeTooLarge().message}`, messages: 1 }]);
  });

  it('reads a message of the same size whose tree is within the cap, pixel found', () => {
    const { summary } = scan('text30.eml', `<p>${'x'.repeat(140)}`.repeat(MAX_TREE_NODES - 10) + PIXEL);
    expect(summary).toMatchObject({ scanned: 1, failed: 0, tracked: 1 });
  });
});
