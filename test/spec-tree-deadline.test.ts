// parse5 (the spec builder) is held to the message's time budget: it is fed in chunks and the
// deadline is checked between them, so markup the fast builder refuses (deep SVG) cannot keep
// one message parsing for minutes and gigabytes. No timed assertion: the deadline's own count.
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { DeadlineLike } from '../src/engine/deadline.js';
import { MessageTimeout } from '../src/engine/stage.js';
import { PARSE_CHUNK_CHARS, specTree } from '../src/html/spec-tree.js';
import type { HtmlTree } from '../src/html/tree.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { detector, htmlMessage } from './helpers.js';

/** A deadline that passes at its `passAt`-th check, counting the checks. */
function countingDeadline(passAt: number): DeadlineLike & { checks: number } {
  return {
    checks: 0,
    budgetMs: 1000,
    tick() {},
    check() {
      if (++this.checks >= passAt) throw new MessageTimeout(1000);
    },
    remaining: () => 1,
  };
}

const svgG = (chars: number): string => `<svg>${'<g>'.repeat(Math.ceil(chars / 3))}<image href="https://t.example/o.gif"></svg>`;

function walked(tree: HtmlTree | null): string[] {
  const out: string[] = [];
  tree?.walk({
    enter: (el) => out.push(`<${el.namespace}:${el.name} ${JSON.stringify(el.attrs)} @${el.start}`),
    leave: (el) => out.push(`</${el.name}`),
    comment: (data, at) => out.push(`#${data}@${at}`),
  });
  return out;
}

describe('spec tree: the parse stops at the message deadline', () => {
  it('checks the deadline between chunks and stops at the first check past it', () => {
    const html = svgG(20 * PARSE_CHUNK_CHARS);
    const deadline = countingDeadline(3);
    expect(() => specTree.document(html, deadline)).toThrow(MessageTimeout);
    // Two chunks parsed, then the third check threw: the other 18 chunks were never parsed.
    expect(deadline.checks).toBe(3);
  });

  it('checks it for fragments (conditional comments) too', () => {
    const deadline = countingDeadline(2);
    const ctx = { name: 'div', namespace: 'html' as const, attrs: {}, start: 0 };
    expect(() => specTree.fragment(svgG(4 * PARSE_CHUNK_CHARS), ctx, deadline)).toThrow(MessageTimeout);
    expect(deadline.checks).toBe(2);
  });

  it('a deadline that never passes is checked once a chunk and the tree is built', () => {
    const html = svgG(5 * PARSE_CHUNK_CHARS);
    const deadline = countingDeadline(Number.POSITIVE_INFINITY);
    const tree = specTree.document(html, deadline);
    expect(deadline.checks).toBe(Math.ceil(html.length / PARSE_CHUNK_CHARS));
    expect(walked(tree).some((e) => e.startsWith('<svg:image '))).toBe(true);
  });

  it('a 1 MB `<svg>` + `<g>` message fails with the time-limit reason', async () => {
    const r = await analyseMessage('deep-svg.eml', htmlMessage(svgG(1024 * 1024)), detector(), { timeoutMs: 1 });
    expect(r.error).toBe('took too long (over 0.001 s)');
  });
});

describe('spec tree: the chunked parse builds the tree of one write', () => {
  // Tokens that the tokenizer must resume across a chunk's end: a character reference, CRLF, a
  // surrogate pair, a comment, an attribute, a tag name, text; each straddles the boundary at
  // every offset from a few characters before it to a few after.
  const straddlers = ['&amp;&notin;&#x1F600;', 'a\r\nb\r\n', '\u{1F600}\u{1F601}', '<!-- c -->', '<p title="x&lt;y">', '<span>t</span>', '<![CDATA[x]]>', '<svg><g/></svg>'];
  for (const s of straddlers) {
    it(`equals parse5's single write with ${JSON.stringify(s)} across the chunk boundary`, () => {
      for (let shift = -s.length; shift <= 1; shift++) {
        const pad = 'x'.repeat(PARSE_CHUNK_CHARS - 10 + shift);
        const html = `<!doctype html><body><div>${pad}${s}<img src="https://t.example/o.gif"></div>${pad}${s}</body>`;
        const one = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
        // The same document through the project's builder, walked, against parse5's tree walked the same way.
        const ours = walked(specTree.document(html));
        const theirs = walked({ styles: [], walk: (v) => walkParse5(one, html, v) });
        expect(ours).toEqual(theirs);
      }
    });
  }
});

type P5Node = { nodeName: string; tagName?: string; namespaceURI?: string; attrs?: Array<{ name: string; value: string; prefix?: string }>; childNodes?: P5Node[]; data?: string; sourceCodeLocation?: { startOffset: number } | null };

/** parse5's tree walked as SpecTree walks it (no templates or shadow roots in these documents). */
function walkParse5(root: unknown, source: string, v: Parameters<HtmlTree['walk']>[0]): void {
  const html = 'http://www.w3.org/1999/xhtml';
  const ns: Record<string, 'html' | 'svg' | 'math'> = { [html]: 'html', 'http://www.w3.org/2000/svg': 'svg', 'http://www.w3.org/1998/Math/MathML': 'math' };
  const visit = (node: P5Node): void => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#comment') {
        const at = child.sourceCodeLocation?.startOffset ?? -1;
        v.comment(child.data ?? '', at < 0 ? -1 : at + (source.startsWith('<!--', at) ? 4 : 2));
      } else if (child.tagName !== undefined) {
        const attrs: Record<string, string> = {};
        for (const a of child.attrs ?? []) attrs[a.prefix ? `${a.prefix}:${a.name}` : a.name] ??= a.value;
        const el = { name: child.tagName, namespace: ns[child.namespaceURI ?? html], attrs, start: child.sourceCodeLocation?.startOffset ?? -1 };
        v.enter(el);
        visit(child);
        v.leave(el);
      }
    }
  };
  visit(root as P5Node);
}
