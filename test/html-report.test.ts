import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { esc, scriptJson } from '../src/formatters/html/escape.js';
import { SAMPLE_LIMITS } from '../src/formatters/html/message-sample.js';
import { CONTRAST_PAIRS, PALETTES } from '../src/formatters/html/palette.js';
import { renderPage } from '../src/formatters/html/render-page.js';
import { visible } from '../src/formatters/safe-text.js';
import { findingMessage } from '../src/rules/finding-message.js';
import type { Finding, MessageResult } from '../src/types.js';
import { detector } from './helpers.js';
import { HOSTILE_FOLDER as hostileFolder, largeMailbox, SAMPLE } from './html-report-fixtures.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of a parsed document, template contents included. */
function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) elements(k, out);
  if ('content' in node && node.content) elements(node.content, out);
  return out;
}
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

const PAYLOAD_TAGS = ['img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'video', 'audio', 'source', 'image', 'use', 'frame', 'meta'];

/** What makes a page inert: nothing loads, nothing runs but our own script, nothing links out. */
function assertInert(html: string): void {
  const doc = parse(html);
  const all = elements(doc);
  const scripts = all.filter((e) => e.tagName === 'script');
  expect(scripts.map((s) => attr(s, 'type') ?? 'classic')).toEqual(['application/json', 'classic']);
  expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
  for (const e of all) {
    for (const a of e.attrs) {
      expect(a.name.startsWith('on'), `${e.tagName} ${a.name}`).toBe(false);
      expect(['src', 'srcset', 'style', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'srcdoc']).not.toContain(a.name);
      if (a.name === 'href') expect(a.value).toMatch(/^#[a-z-]+$/);
    }
    if (e.tagName === 'meta') expect(['charset', 'http-equiv', 'name']).toContain(e.attrs[0].name);
    else expect(PAYLOAD_TAGS).not.toContain(e.tagName);
  }
  // No raw bidi or control character anywhere: they are shown as escapes.
  expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u0000-\u0008]/);
}

async function page(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

/** Any string, and strings made mostly of what ends text, attributes and scripts. */
const HOSTILE_STRING = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '/', '=', ' ', '!', '-', 's', 'a', '\u202e', '\u0000', '\r', '\u2066') }));

describe('HTML report: escaping', () => {
  it('esc: one function for text and attributes; any string stays one text node and one attribute value', () => {
    fc.assert(
      fc.property(HOSTILE_STRING, (s) => {
        const doc = parse(`<p title="${esc(s)}" data-x='${esc(s)}'>${esc(s)}</p>`);
        const ps = elements(doc).filter((e) => e.tagName === 'p');
        expect(ps).toHaveLength(1);
        expect(elements(ps[0])).toHaveLength(1);
        expect(ps[0].attrs.map((a) => a.name)).toEqual(['title', 'data-x']);
        // parse5 normalises CR and NUL as the tokenizer does; visible() already escaped both.
        expect(attr(ps[0], 'title')).toBe(visible(s));
        expect(attr(ps[0], 'data-x')).toBe(visible(s));
        expect(text(ps[0])).toBe(visible(s));
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('scriptJson: never ends the script or opens an escaped state, and reads back the same value', () => {
    fc.assert(
      fc.property(fc.oneof(HOSTILE_STRING, fc.constantFrom('</script>', '</SCRIPT ', '<!--<script>', ']]>', '\u2028')), (s) => {
        const json = scriptJson({ s });
        expect(json).not.toMatch(/<\/script|<!--|</i);
        expect(JSON.parse(json)).toEqual({ s });
        const doc = parse(`<script type="application/json">${json}</script><p>after</p>`);
        const script = elements(doc).find((e) => e.tagName === 'script') as Element;
        expect(JSON.parse(text(script))).toEqual({ s });
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe('HTML report: colours', () => {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  /** WCAG 2.1 contrast ratio. */
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it('the contrast formula gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(CONTRAST_PAIRS)(`${scheme}: %s on %s meets %s:1 (%s)`, (fg, bg, minimum) => {
      expect(contrast(PALETTES[scheme][fg], PALETTES[scheme][bg])).toBeGreaterThanOrEqual(minimum);
    });
  }
});

describe('HTML report: the page', () => {
  it('is self-contained: the CSP names the hashes of exactly the inline script and style, and nothing may load', async () => {
    const html = await page(['scan', SAMPLE, '-f', 'html']);
    assertInert(html);
    const doc = parse(html);
    const all = elements(doc);
    const csp = attr(all.find((e) => attr(e, 'http-equiv') === 'Content-Security-Policy') as Element, 'content') as string;
    const sha = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = all.filter((e) => e.tagName === 'script').find((e) => !attr(e, 'type')) as Element;
    const style = all.find((e) => e.tagName === 'style') as Element;
    expect(csp.split('; ')).toEqual([`default-src 'none'`, `script-src ${sha(text(script))}`, `style-src ${sha(text(style))}`, `img-src 'none'`, `base-uri 'none'`, `form-action 'none'`]);
    // The CSP comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('the charts and the data block carry the same figures as the JSON report', async () => {
    const json = JSON.parse(await page(['scan', SAMPLE, '-f', 'json']));
    const html = await page(['scan', SAMPLE, '-f', 'html']);
    const all = elements(parse(html));
    const data = JSON.parse(text(all.find((e) => attr(e, 'id') === 'pixelaudit-data') as Element));
    expect(data.summary).toEqual(json.summary);
    const rows = (chart: string) => all.filter((e) => attr(e, 'class') === 'row' && all.some((svg) => attr(svg, 'id') === chart && elements(svg).includes(e))).map((e) => [attr(e, 'data-label'), Number(attr(e, 'data-value'))]);
    const study = json.summary.study;
    expect(rows('chart-studies').map(([, v]) => v)).toEqual(study.comparison.map((c: { ours: { share: number } }) => c.ours.share));
    expect(rows('chart-vendors')).toEqual(study.vendors.slice(0, 10).map((v: { name: string; messages: number }) => [v.name, v.messages]));
    expect(rows('chart-senders')).toEqual(json.summary.senders.slice(0, 10).map((s: { sender: string; tracked: number }) => [s.sender, s.tracked]));
    expect(rows('chart-months')).toEqual(study.months.map((m: { month: string; share: number }) => [m.month, m.share]));
    expect(rows('chart-den-bulk').map(([, v]) => v)).toEqual(study.prevalence.filter((p: { denominator: string }) => p.denominator === 'bulk').map((p: { share: number }) => p.share));
    expect(html).toContain('Tracked: 13 of 22 scanned messages (59.1%, 95% CI 38.7%–76.7%)');
    // Every message of a small mailbox is listed, and said to be.
    expect(html).toContain('This page lists every message: all 13 tracked, all 0 failed and all 9 others.');
    expect(all.filter((e) => e.tagName === 'details')).toHaveLength(22);
  });

  it('each message shows its findings in the words of explain', async () => {
    const file = `${path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox')}#5`;
    const explained = JSON.parse(await page(['explain', file, '-f', 'json']));
    const html = await page(['scan', SAMPLE, '-f', 'html']);
    type Explained = Pick<Finding, 'ruleId' | 'messageKey' | 'data'>;
    const findings: Explained[] = [...explained.resources.map((r: { finding: Explained | null }) => r.finding).filter(Boolean), ...explained.links.flatMap((l: { findings: Explained[] }) => l.findings)];
    const whys = findings.map(findingMessage);
    expect(whys.length).toBeGreaterThan(0);
    for (const why of whys) expect(html).toContain(esc(why));
  });

  it('report -f html over JSONL gives the same figures as scan -f html', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-html-report-'));
    const jsonl = path.join(dir, 'sample.jsonl');
    writeFileSync(jsonl, await page(['scan', SAMPLE, '-f', 'jsonl']));
    const dataOf = (html: string) => JSON.parse(text(elements(parse(html)).find((e) => attr(e, 'id') === 'pixelaudit-data') as Element));
    const merged = dataOf(await page(['report', jsonl, '-f', 'html']));
    const scanned = dataOf(await page(['scan', SAMPLE, '-f', 'html']));
    // The walk's skipped files are in the JSONL's closing line; the rest is the same stream of results.
    expect(merged.summary).toEqual(scanned.summary);
    expect(merged.sample).toEqual(scanned.sample);
  });
});

describe('HTML report: a hostile mailbox', () => {
  it('every string from a message, and the file names, are inert text', async () => {
    const dir = hostileFolder();
    const html = await page(['scan', dir, '-f', 'html']);
    assertInert(html);
    const doc = parse(html);
    const all = elements(doc);
    const subjects = all.filter((e) => e.tagName === 'summary').map(text);
    const results = (await page(['scan', dir, '-f', 'jsonl']))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as MessageResult);
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(subjects).toContain(visible(r.subject as string));
      expect(r.subject).toMatch(/<\/script>|<script>/);
      for (const f of r.findings) expect(text(doc)).toContain(visible(f.url));
    }
    expect(text(doc)).toContain(visible(results[0].source));
    expect(text(doc)).toContain('\\u202e');
    // The payloads are in the page, as text: the test would pass on an empty page otherwise.
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 12, 20, 21]) expect(text(doc)).toContain(`window.__pwned=${n}`);
  });
});

describe('HTML report: a mailbox of 100,000 messages', () => {
  it('lists the tracked, failed and other messages up to their limits, chosen the same way each time, and says so', () => {
    const build = () => largeMailbox(detector().vendors);
    const { summary, sample } = build();
    expect(sample.seen).toEqual({ tracked: summary.tracked, failed: summary.failed, other: summary.scanned - summary.tracked });
    expect(sample.listed).toEqual(SAMPLE_LIMITS);
    expect(sample.messages).toHaveLength(SAMPLE_LIMITS.tracked + SAMPLE_LIMITS.failed + SAMPLE_LIMITS.other);
    // A sample across the whole input, not its first messages.
    const indices = sample.messages.map((m) => Number(m.source.split('#')[1]));
    expect(Math.max(...indices)).toBeGreaterThan(90_000);
    expect(build().sample.messages.map((m) => m.source)).toEqual(sample.messages.map((m) => m.source));
    const html = renderPage({ summary, sample, inputs: ['box.mbox'], top: 10 });
    expect(html).toContain(`This page lists 2,700 of the 100,000 messages: a random sample of 2,000 of the ${summary.tracked.toLocaleString('en')} tracked`);
    expect(elements(parse(html)).filter((e) => e.tagName === 'details')).toHaveLength(2_700);
    // Measured, not asserted as a time: 100,000 messages make a page of about this size.
    console.log(`100,000-message report: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`);
    expect(Buffer.byteLength(html)).toBeLessThan(8e6);
  });
});
