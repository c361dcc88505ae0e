// Every parser over message content is linear in its input. Proven by counting, not timing:
// each parser runs on an adversarial input of size n and of size 16n, and the JavaScript blocks
// each run executes are counted (V8's precise coverage, test/work-count.ts: exact counts, the
// same on an idle machine and on one loaded 25 deep, where the timed ratios this file used
// before failed). Linear code does about 16 times the work, quadratic 256 times, cubic 4,096
// times; the test asks for under 64 times. The inputs are the shapes that made the replaced
// regular expressions backtrack: long runs of blanks, digits and name characters that never
// reach what the expression waits for, deep nesting and stray tags. What a native builtin does
// inside one call (a regular expression's backtracking) is not counted: expressions over
// message content are proven linear by test/regex-safety.test.ts, or kept off these paths.
import { afterAll, describe, expect, it } from 'vitest';
import { detectPlatform } from '../src/engine/analyse-message.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { senderDomains } from '../src/engine/party.js';
import { clearCssCaches, compileCascade, enterElement, type ElementContext } from '../src/html/cascade.js';
import { cssPixels, cssUrls, parseStyle } from '../src/html/css.js';
import { specTree } from '../src/html/spec-tree.js';
import { extractResources } from '../src/html/extract-resources.js';
import type { ParsedMessage } from '../src/mail/parse-message.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { recoverDestination } from '../src/url/destination.js';
import { findIdentifiers } from '../src/url/identifiers.js';
import { redactUrl } from '../src/engine/redact.js';
import { unwrapProxy } from '../src/url/unwrap-proxy.js';
import { parseUrl } from '../src/url/url-parts.js';
import { detector, htmlMessage } from './helpers.js';
import { WorkCounter } from './work-count.js';

const GROWTH = 16;
/** Linear work grows by the growth g, quadratic by g squared: the bound is g to the 1.5 (64 for 16). */
const maxRatio = (growth: number): number => growth ** 1.5;

const counter = new WorkCounter();
afterAll(() => counter.close());

/** Fails unless the work of `parse` at `growth` times the input is under maxRatio(growth) times the work at n. */
function expectLinear<T>(make: (n: number) => T, parse: (input: T) => unknown, n: number, growth = GROWTH): void {
  const small = make(n);
  const large = make(growth * n);
  // A first run compiles what the parser needs and fills what it keeps for good: not its work.
  parse(make(2 * n));
  const workSmall = counter.count(() => parse(small));
  const workLarge = counter.count(() => parse(large));
  expect(workLarge / Math.max(workSmall, 1), `not linear: ${workSmall} blocks at n, ${workLarge} at ${growth}n`).toBeLessThan(maxRatio(growth));
}

/** expectLinear for an asynchronous whole-message analysis. */
async function expectLinearAsync<T>(make: (n: number) => T, analyse: (input: T) => Promise<unknown>, n: number, growth = GROWTH): Promise<void> {
  const small = make(n);
  const large = make(growth * n);
  await analyse(make(2 * n));
  const workSmall = await counter.countAsync(() => analyse(small));
  const workLarge = await counter.countAsync(() => analyse(large));
  expect(workLarge / Math.max(workSmall, 1), `not linear: ${workSmall} blocks at n, ${workLarge} at ${growth}n`).toBeLessThan(maxRatio(growth));
}

describe('the work counter', () => {
  // A test that cannot fail proves nothing: the same check must reject a quadratic parser.
  it('tells a quadratic scan from a linear one', () => {
    const quadratic = (s: string) => {
      let pairs = 0;
      for (let i = 0; i < s.length; i++) for (let j = i; j < s.length; j++) if (s[i] === s[j]) pairs++;
      return pairs;
    };
    expect(() => expectLinear((n) => 'a'.repeat(n), quadratic, 200)).toThrow(/not linear/);
    expect(() =>
      expectLinear(
        (n) => 'a'.repeat(n),
        (s: string) => s.split('').filter((c) => c === 'a').length,
        200,
      ),
    ).not.toThrow();
  });
});

const cases = <T>(list: Array<[string, (n: number) => T, number]>, parse: (input: T) => unknown) => list.forEach(([name, make, n]) => it(name, () => expectLinear(make, parse, n)));

describe('CSS is read in linear time', () => {
  cases(
    [
      ['url( then blanks (the issue: 30 s on 6 KB)', (n) => `a{b:url(${' '.repeat(n)}`, 20_000],
      ['url( then blanks then a word, no )', (n) => `a{b:url(${' '.repeat(n)}x`, 20_000],
      ['url( repeated', (n) => 'url('.repeat(n), 5_000],
      ['url(" never closed', (n) => `url("${'a'.repeat(n)}`, 20_000],
      ['@import then blanks', (n) => `@import${' '.repeat(n)};`, 20_000],
      ['@font-face then open blocks', (n) => `@font-face${'{'.repeat(n)}url(x)`, 5_000],
      ['@font-face repeated before a url', (n) => `${'@font-face{}'.repeat(n)}url(x)`, 5_000],
    ],
    cssUrls,
  );
  cases(
    [
      ['digits then junk', (n) => `${'1'.repeat(n)}x`, 50_000],
      ['a digit, blanks, junk', (n) => `1${' '.repeat(n)}x`, 50_000],
      ['digits, blanks, junk', (n) => `${'1'.repeat(n)}${' '.repeat(n)}pq`, 20_000],
      ['dots and digits', (n) => '1.'.repeat(n), 20_000],
    ],
    (value: string) => {
      clearCssCaches();
      return cssPixels(value);
    },
  );
  cases(
    [
      ['!important with blanks and no word', (n) => `a:b!${' '.repeat(n)}x`, 50_000],
      ['many declarations', (n) => 'width:1px;'.repeat(n), 10_000],
    ],
    (style: string) => {
      clearCssCaches();
      return parseStyle(style);
    },
  );
});

describe('the <style> cascade is linear in the sheet and in the document', () => {
  cases(
    [
      ['many rules', (n) => '.a{display:none}'.repeat(n), 2_000],
      ['nested @media blocks never closed', (n) => `${'@media screen{'.repeat(n)}img{display:none}`, 5_000],
      ['open blocks in a selector', (n) => `${'['.repeat(n)}{display:none}`, 20_000],
      ['open parens in a media query', (n) => `@media ${'('.repeat(n)}{img{display:none}}`, 20_000],
      ['a long selector of descendants', (n) => `${'div '.repeat(n)}img{display:none}`, 2_000],
      ['@layer statements with many names', (n) => `@layer ${'a,'.repeat(n)}b;img{display:none}`, 5_000],
      ['declarations of one rule', (n) => `img{${'display:none;'.repeat(n)}}`, 5_000],
    ],
    // The caches would answer the repeated runs without parsing: emptied before each.
    (css: string) => {
      clearCssCaches();
      return compileCascade([{ css, start: 0 }]);
    },
  );
  // The document walked as the core walks it, every element's values asked for.
  const computeAll = ([css, html]: [string, string]): number => {
    clearCssCaches();
    const tree = specTree.document(html);
    const cascade = compileCascade(tree?.styles ?? [{ css, start: 0 }]);
    const stack: Array<{ ctx: ElementContext; last: ElementContext | null }> = [];
    let n = 0;
    tree?.walk({
      enter(el) {
        const top = stack[stack.length - 1];
        const ctx = enterElement(el, top?.ctx ?? null, top?.last ?? null);
        if (top) top.last = ctx;
        stack.push({ ctx, last: null });
        n += cascade.computed(ctx).size;
      },
      leave: () => void stack.pop(),
      comment: () => undefined,
    });
    return n;
  };
  const doc = (css: string, body: string): [string, string] => [css, `<style>${css}</style>${body}`];
  cases(
    [
      ['deep nesting under a descendant selector that never matches', (n) => doc('.nope div{display:none}', '<div>'.repeat(n)), 1_000],
      ['deep nesting under a chain of descendants', (n) => doc('.a .b .c div{display:none}', '<div class=a><div class=b>'.repeat(n)), 500],
      ['wide siblings under a general-sibling selector that never matches', (n) => doc('.nope ~ p{display:none}', '<p></p>'.repeat(n)), 2_000],
      ['wide siblings under :nth-child and :nth-of-type', (n) => doc('p:nth-child(2n+1){display:none} p:nth-of-type(3n){opacity:0}', '<b></b><p></p>'.repeat(n)), 2_000],
      ['deep nesting, each element using a custom property set at the top', (n) => doc('', `<div style="--h:none">${'<div style="display:var(--h)">'.repeat(n)}`), 1_000],
      ['deep nesting under rules that use a custom property', (n) => doc(':root{--o:0} div{opacity:var(--o)}', '<div>'.repeat(n)), 1_000],
      ['wide siblings of distinct names under :first-of-type', (n) => doc('*:first-of-type{display:none}', Array.from({ length: n }, (_, i) => `<x${i}></x${i}>`).join('')), 2_000],
    ],
    computeAll,
  );
});

describe('HTML is walked in linear time', () => {
  cases(
    [
      ['deep nesting then stray end tags', (n) => `${'<div>'.repeat(n)}${'</span>'.repeat(n)}`, 5_000],
      ['deep nesting then conditional comments', (n) => `${'<div>'.repeat(n)}${'<!--[if mso]><v:image src="https://a.example/x.gif"/><![endif]-->'.repeat(n)}`, 2_000],
      ['unclosed tag starts', (n) => '<a '.repeat(n), 20_000],
      ['one tag with many attributes', (n) => `<img src="https://a.example/x.gif" ${'a=b '.repeat(n)}>`, 20_000],
      ['an unclosed style with many end-tag starts', (n) => `<style>${'</'.repeat(n)}`, 20_000],
      ['an unclosed comment of dashes', (n) => `<!--${'-'.repeat(n)}`, 50_000],
      ['a conditional comment of brackets', (n) => `<!--[if ${']'.repeat(n)}-->`, 50_000],
      ['a style attribute of url( runs', (n) => `<div style="${'url('.repeat(n)}">`, 5_000],
      ['sizes of digits and blanks', (n) => `<img src="https://a.example/x.gif" width="${'1'.repeat(n)}x" height="1${' '.repeat(n)}x" style="width:${'1'.repeat(n)} ${' '.repeat(n)}q">`, 10_000],
      ['paragraphs, cells and list items never closed', (n) => '<p><td><li><ul><tr>'.repeat(n), 2_000],
      ['literal < characters', (n) => '<'.repeat(n), 50_000],
      ['many conditional comments and one CR at the end', (n) => `${'<!--[if mso]><b>x</b><![endif]-->'.repeat(n)}\r\n`, 2_000],
      ['a conditional comment of many CR LF', (n) => `<!--[if mso]>${'\r\n'.repeat(n)}<img src="https://a.example/x.gif"><![endif]-->`, 20_000],
      ['a condition of many parentheses', (n) => `<!--[if ${'('.repeat(n)}mso]><b>x</b><![endif]-->`, 20_000],
      ['a srcset of many candidates without spaces', (n) => `<img srcset="${'https://a.example/x.gif 1x,'.repeat(n)}">`, 2_000],
      ['a srcset descriptor of parentheses', (n) => `<img srcset="https://a.example/x.gif ${'('.repeat(n)}">`, 20_000],
      ['a meta refresh of blanks and digits', (n) => `<meta http-equiv=refresh content="${'1'.repeat(n)}${' '.repeat(n)};url=${' '.repeat(n)}x">`, 20_000],
      ['many srcdoc iframes', (n) => '<iframe srcdoc="<img src=https://a.example/x.gif>"></iframe>'.repeat(n), 200],
      ['a picture of many sources', (n) => `<picture>${'<source srcset="https://a.example/x.gif">'.repeat(n)}<img src="https://a.example/y.gif"></picture>`, 2_000],
      ['a URL of xn-- labels the host parser rejects', (n) => `<img src="https://${'xn--a.'.repeat(n)}example/">`, 2_000],
      // table-columns.ts: past 32 spanning cells or collapsed ranges nothing more is kept (review of the change).
      ['a collapsed column and one row of many rowspans', (n) => `<table><col style="visibility:collapse"><tr>${'<td rowspan=2>x</td>'.repeat(n)}</tr><tr><td>y</td></tr></table>`, 1_000],
      ['many collapsed columns apart, and many cells', (n) => `<table>${'<col style="visibility:collapse"><col>'.repeat(n)}<tr>${'<td>x</td>'.repeat(n)}</tr></table>`, 1_000],
    ],
    (html: string) => extractResources(html),
  );
});

describe('URLs are read in linear time', () => {
  cases(
    [
      ['a host of :digits', (n) => `http://${':1'.repeat(n)}x/`, 20_000],
      ['a query of separators', (n) => `http://h.example/?${'&;'.repeat(n)}=`, 10_000],
      ['a path of percent signs', (n) => `http://h.example/${'%'.repeat(n)}`, 20_000],
      ['a path of slug-like pieces', (n) => `http://h.example/${'ab1-'.repeat(n)}!`, 5_000],
      ['a path of token-like pieces', (n) => `http://h.example/x/${'a1B2'.repeat(n)}.gif`, 5_000],
    ],
    (url: string) => findIdentifiers(parseUrl(url)),
  );
  cases(
    [
      ['embedded URL starts in the path', (n) => `http://h.example/${'/https:%2F%2F'.repeat(n)}`, 5_000],
      ['an embedded URL and many number folders', (n) => `http://h.example/L0/https:%2F%2Fd.example${'/1'.repeat(n)}`, 10_000],
      ['destination parameters', (n) => `http://h.example/r?${'url=https%3A%2F%2Fh.example&'.repeat(n)}`, 2_000],
    ],
    (url: string) => recoverDestination(parseUrl(url)),
  );
  cases(
    [
      ['a Google AMP URL of dots with a blank at the end', (n) => `https://www.google.com/amp/${'a.'.repeat(n)} x`, 5_000],
      ['a Proofpoint URL without its end', (n) => `https://urldefense.com/v3/__${'_'.repeat(n)}`, 20_000],
      ['a ClickTime URL of percent signs', (n) => `https://clicktime.symantec.com/a?u=${'%'.repeat(n)}`, 20_000],
    ],
    unwrapProxy,
  );
  const finder = new AddressFinder(['reader@example.org']);
  cases(
    [
      ['near misses of the address', (n) => `http://h.example/?e=${'reader@example.or'.repeat(n)}`, 2_000],
      ['a run of hex digits', (n) => `http://h.example/?h=${'0'.repeat(n)}`, 20_000],
    ],
    (url: string) => finder.find(url),
  );
});

describe('headers are read in linear time', () => {
  const d = detector();
  const parsed = (fields: Partial<ParsedMessage> & { values?: Record<string, string[]> }): ParsedMessage => ({ headers: [], recipients: [], header: (name: string) => fields.values?.[name] ?? [], ...fields }) as unknown as ParsedMessage;
  cases(
    [
      ['List-Unsubscribe of unclosed <http:// starts', (n) => parsed({ values: { 'list-unsubscribe': ['<http://'.repeat(n)] } }), 5_000],
      ['List-Unsubscribe of < without URLs', (n) => parsed({ values: { 'list-unsubscribe': [`${'<'.repeat(n)}>`] } }), 20_000],
    ],
    (p: ParsedMessage) => detectPlatform(p, d),
  );
  cases(
    [
      ['a From domain ending in blanks then a character', (n) => parsed({ fromAddress: `a@b.example${' '.repeat(n)}x` }), 20_000],
      ['a DKIM signature of separators', (n) => parsed({ values: { 'dkim-signature': [';  '.repeat(n)] } }), 10_000],
    ],
    (p: ParsedMessage) => senderDomains(p),
  );

  // Up to 200,000 characters the header costs the same few thousand blocks whatever its length (it
  // is handled by string builtins); somewhere before 320,000 mailparser takes it over, about 32 blocks a character
  // (counted 2026-12-01: 4,279 blocks at 20,000 to 160,000 characters, 6,081 at 200,000, 10.3 million at 320,000,
  // 20.5 million at 640,000). Each regime is checked on its own, so a change of path between n
  // and 16n cannot pass for growth.
  const deliveredTo = (n: number) => htmlMessage('<p>hi</p>', { 'Delivered-To': 'a'.repeat(n) });
  it('a Delivered-To of one long word without @ (the whole pipeline, up to 200,000 characters)', async () => {
    await expectLinearAsync(deliveredTo, (bytes) => analyseMessage('t.eml', bytes, d), 10_000);
  });
  it('a Delivered-To of one long word without @ (the whole pipeline, past 320,000 characters)', async () => {
    await expectLinearAsync(deliveredTo, (bytes) => analyseMessage('t.eml', bytes, d), 320_000, 2);
  });
});

describe('tracker patterns, as the matcher applies them, are linear on hostile URLs', () => {
  // Every pattern's match examples, with a long run of one character class put at the end of the
  // path and of the query and then a character no pattern accepts, so that anchored and
  // unanchored expressions alike must give up after reading the run.
  const d = detector();
  const examples = d.matcher.vendors.flatMap((v) => v.patterns.flatMap((p) => p.examples.match));
  const runs = ['a', 'A', '0', 'f', '-', '.', '/', '_', '~', ',', '=', '&'];
  it(`all ${examples.length} examples with ${runs.length} kinds of run`, () => {
    const bases = examples.map((url) => parseUrl(url));
    const make = (n: number) => bases.flatMap((parts) => runs.map((c) => ({ ...parts, path: `${parts.path}${c.repeat(n)}\u0001`, query: `${parts.query}${c.repeat(n)}\u0001` })));
    expectLinear(make, (list) => list.forEach((parts) => d.matcher.match(parts)), 200);
  });
});

describe('redaction is linear in the size of the result', () => {
  const finder = new AddressFinder(['reader@example.org']);
  // The issue: one split and join over the whole URL per identifier, 44 s on a 2 MB URL.
  cases(
    [
      ['a URL of one identifier repeated', (n) => `http://x.example/a?${'id=abcdef1234567890abcd&'.repeat(n)}`, 2_000],
      ['a URL of distinct identifiers', (n) => `http://x.example/a?${Array.from({ length: n }, (_, i) => `id=abcdef${String(i).padStart(10, '0')}abcd&`).join('')}`, 2_000],
      ['a URL of distinct identifiers that are no whole piece (base64 padding)', (n) => `http://x.example/a?${Array.from({ length: n }, (_, i) => `t=Ab3dE${String(i).padStart(10, '0')}xYz==&`).join('')}`, 2_000],
      ['a path of distinct identifiers', (n) => `http://x.example/${Array.from({ length: n }, (_, i) => `abcdef${String(i).padStart(10, '0')}abcd`).join('/')}`, 2_000],
    ],
    (url: string) => redactUrl(url, finder),
  );

  const d = detector(true);
  const analyse = async (bytes: Buffer) => {
    const r = await analyseMessage('t.eml', bytes, d, { timeoutMs: 600_000 });
    expect(r.error).toBeNull();
  };
  const expectLinearMessage = (make: (n: number) => Buffer, n: number) => expectLinearAsync(make, analyse, n);

  it('a message of many identical links (analysis and redaction)', async () => {
    await expectLinearMessage((n) => htmlMessage('<a href="http://x.example/ls/click?upn=abcdef1234567890abc">x</a>'.repeat(n)), 1_000);
  });

  it('a message of many distinct tracked links (analysis, cap and redaction)', async () => {
    await expectLinearMessage((n) => htmlMessage(Array.from({ length: n }, (_, i) => `<a href="http://x.example/ls/click?upn=abcdef${String(i).padStart(10, '0')}abc">x</a>`).join('')), 500);
  });
});
