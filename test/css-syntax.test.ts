// CSS read by CSS Syntax Level 3: inline declarations, lengths and the URLs a client loads.
import { isSimpleBlockNode, isTokenNode, isWhiteSpaceOrCommentNode, parseListOfComponentValues, type ComponentValue } from '@csstools/css-parser-algorithms';
import { TokenType, tokenize, type CSSToken } from '@csstools/css-tokenizer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeclarations, tokenDeclarations, valueText } from '../src/html/css-declarations.js';
import { isRelevant } from '../src/html/css-properties.js';
import { cssPixels, cssUrls, parseStyle } from '../src/html/css.js';

const urls = (css: string, attribute = false) => cssUrls(css, { attribute }).map((u) => [u.kind, u.url, ...(u.imageSet ? ['image-set'] : [])]);

describe('parseStyle reads declarations by CSS Syntax', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['names lower-cased, values normalised', 'DISPLAY : NONE', { display: 'none' }],
    ['escapes in names and idents decoded', 'dis\\70 lay: n\\6f ne', { display: 'none' }],
    ['a custom property keeps its case and its text', '--Hide: NONE; --hide: Block', { '--Hide': 'NONE', '--hide': 'Block' }],
    ['a ; inside a comment', 'a:b /* ; */; c:d', { a: 'b', c: 'd' }],
    ['a ; inside a string', 'content:";"; c:d', { content: '";"', c: 'd' }],
    ['a ; inside a block is no end', 'a: f(;) [;] {;}; c:d', { a: 'f(;) [;] {;}', c: 'd' }],
    ['a closer of another block is a plain token', 'a: (]) ; c:d', { a: '(])', c: 'd' }],
    ['a comment between tokens keeps them apart', 'foo: 1/**/px; width: 1/**/px', { foo: '1 px' }],
    ['!important in any case and spacing, removed from the value', 'display: none ! /* x */ IMPORTANT', { display: 'none' }],
    ['a later normal declaration loses to an earlier !important', 'display:none!important; display:block', { display: 'none' }],
    ['a later !important wins', 'display:none!important; display:block !important', { display: 'block' }],
    ['!important not at the end is no flag and the value is invalid', 'display: none !important block; display: inline', { display: 'inline' }],
    ['an invalid value of a relevant property is dropped, the earlier one stands', 'display:none; display: nonsense', { display: 'none' }],
    ['an at-rule is skipped up to its block', '@media x { display: none } color: red', { color: 'red' }],
    ['junk that does not start with an ident is skipped to the next ;', '*zoom: 1; 1a:b; c:d', { c: 'd' }],
    ['no colon: skipped', 'display none; c:d', { c: 'd' }],
    ['an empty value: skipped', 'display: ; display:', {}],
    ['margin expands to the longhands the cascade reads', 'margin: 1px 2px 3px 4px', { 'margin-top': '1px', 'margin-left': '4px' }],
    ['margin with 2 values', 'margin: -9999px 5px', { 'margin-top': '-9999px', 'margin-left': '5px' }],
    ['margin with 3 values', 'margin: 1px 2px 3px', { 'margin-top': '1px', 'margin-left': '2px' }],
    ['a longhand after the shorthand wins', 'margin: 0; margin-left: -3000px', { 'margin-top': '0', 'margin-left': '-3000px' }],
    ['inset sets the four offsets', 'inset: -500px', { top: '-500px', right: '-500px', bottom: '-500px', left: '-500px' }],
    ['a CSS-wide keyword is valid everywhere', 'display: INHERIT', { display: 'inherit' }],
    ['var() is valid when parsed and kept as written', 'display: var(--X)', { display: 'var(--X)' }],
    ['two-value display', 'display: block flow-root', { display: 'block flow-root' }],
    ['opacity takes numbers and percentages', 'opacity: 0%; visibility: Collapse', { opacity: '0%', visibility: 'collapse' }],
    ['numbers as written', 'width: 1E1PX; height: +.5px', { width: '1E1PX', height: '+.5px' }],
    ['a value left open at the end', 'background: url(x', { background: 'url(x' }],
  ];
  for (const [name, style, expected] of cases) it(name, () => expect(Object.fromEntries(parseStyle(style))).toEqual(expected));

  it('gives the declarations in order with their importance', () => {
    expect(parseDeclarations('a:1 !important; b:2; a:3').map((d) => [d.name, d.value, d.important])).toEqual([
      ['a', '1', true],
      ['b', '2', false],
      ['a', '3', false],
    ]);
  });

  it('keeps only the properties asked for', () => {
    expect(Object.fromEntries(parseStyle('color:red; display:none; margin:-2000px', (n) => n === 'display' || n === 'margin-left'))).toEqual({ display: 'none', 'margin-left': '-2000px' });
  });
});

/**
 * A second route to the same declarations, for the differential: css-parser-algorithms groups
 * the tokens into component values (blocks balanced by a library of its own), and the list is
 * split at top-level semicolons as CSS Syntax's "consume a list of declarations" says.
 */
function referenceDeclarations(style: string): Array<[string, string, boolean]> {
  const nodes = parseListOfComponentValues(tokenize({ css: style }).filter((t) => t[0] !== TokenType.EOF));
  const out: Array<[string, string, boolean]> = [];
  // A block left open ends at the end of the input; its missing closer is no token.
  const tokensOf = (list: ComponentValue[]): CSSToken[] => list.flatMap((n) => n.tokens()).filter((t) => t !== undefined && t[0] !== TokenType.EOF);
  let i = 0;
  while (i < nodes.length) {
    const first = nodes[i];
    const t0 = isTokenNode(first) ? first.value : undefined;
    if (isWhiteSpaceOrCommentNode(first) || t0?.[0] === TokenType.Semicolon) {
      i++;
      continue;
    }
    let j = i;
    const atRule = t0?.[0] === TokenType.AtKeyword;
    while (j < nodes.length) {
      const n = nodes[j];
      if (isTokenNode(n) && n.value[0] === TokenType.Semicolon) break;
      if (atRule && isSimpleBlockNode(n) && n.startToken[0] === TokenType.OpenCurly) break;
      j++;
    }
    const unit = nodes.slice(i, j);
    i = j + 1;
    if (!t0 || t0[0] !== TokenType.Ident) continue;
    const tokens = tokensOf(unit);
    let k = 1;
    while (k < tokens.length && (tokens[k][0] === TokenType.Whitespace || tokens[k][0] === TokenType.Comment)) k++;
    if (tokens[k]?.[0] !== TokenType.Colon) continue;
    let value = tokens.slice(k + 1);
    const meaningful = value.filter((t) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment);
    const important =
      meaningful.length >= 2 &&
      meaningful[meaningful.length - 2][0] === TokenType.Delim &&
      meaningful[meaningful.length - 2][1] === '!' &&
      meaningful[meaningful.length - 1][0] === TokenType.Ident &&
      (meaningful[meaningful.length - 1][4] as { value: string }).value.toLowerCase() === 'important';
    if (important) value = value.slice(0, value.indexOf(meaningful[meaningful.length - 2]));
    const name = t0[4].value;
    const text = valueText(value, 0, value.length, name.startsWith('--'));
    if (text !== '') out.push([name.startsWith('--') ? name : name.toLowerCase(), text, important]);
  }
  return out;
}

describe('parseStyle equals the css-parser-algorithms route', () => {
  // Property names the cascade does not validate (not `font`: a shorthand of font-size, as
  // `margin` is of its longhands), and value pieces that stress the boundaries.
  const name = fc.constantFrom('color', 'COLOR', 'font-family', 'x-y', '--v', '--V', 'content', '@media', '1a', '*zoom', '');
  const piece = fc.constantFrom(' ', ':', ';', '{', '}', '(', ')', '[', ']', '"', "'", '/*', '*/', '!', 'important', 'IMPORTANT', '\\', '\\3b ', 'url(', 'a', '1px', ',', '\n', 'f(', '@x');
  const style = fc.array(fc.tuple(name, fc.constantFrom(':', ' :', ''), fc.array(piece, { maxLength: 8 }), fc.constantFrom(';', '; ', '')), { maxLength: 6 }).map((decls) => decls.map(([n, c, v, e]) => `${n}${c}${v.join('')}${e}`).join(''));

  it('on the same names, values and importance, in order (3,000 generated styles)', () => {
    fc.assert(
      fc.property(style, (s) => {
        const mine = parseDeclarations(s).map((d) => [d.name, d.value, d.important]);
        expect(mine).toEqual(referenceDeclarations(s));
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });
});

describe('the split of simple styles equals the tokens', () => {
  // Styles without escapes, strings, comments, blocks, `!` or `@` take the split; names and
  // values here include relevant ones, junk names, blanks CSS does not trim (U+00A0) and CDC.
  const name = fc.constantFrom('display', 'DISPLAY', 'margin', 'Margin-Left', 'inset', 'width', 'max-height', 'opacity', 'color', '--v', '--V', '-x', '-1a', '1a', '*zoom', 'a b', '\u00a0display', 'display\u00a0', '-->display', '_x', 'é', '');
  const value = fc
    .array(
      fc.constantFrom(
        ' ',
        '\t',
        '\n',
        '\r',
        '\f',
        'none',
        'NONE',
        'block',
        'flow-root',
        '0',
        '-2000px',
        '1E1px',
        '+.5px',
        '50%',
        'auto',
        'inherit',
        'x',
        ':',
        '#f00',
        ',',
        '-->',
        '<!',
        '-',
        '.',
        '1px 2px',
        '\u00a0',
        '00',
        '-0',
        '+0.5',
        '1.',
        '5PX',
        '7%',
        '--',
        '-a',
        '_',
        '9',
      ),
      { maxLength: 5 },
    )
    .map((v) => v.join(''));
  const style = fc.array(fc.tuple(fc.constantFrom(' ', '', '\n'), name, fc.constantFrom(':', ' : ', ''), value, fc.constantFrom(';', ' ;', '')), { maxLength: 6 }).map((d) => d.map((p) => p.join('')).join(''));
  for (const [label, want] of [
    ['every property', undefined],
    ['the relevant ones', isRelevant],
  ] as const) {
    it(`on ${label} (3,000 generated styles)`, () => {
      fc.assert(
        fc.property(style, (s) => {
          expect(parseDeclarations(s, want)).toEqual(tokenDeclarations(s, want));
        }),
        { seed: 20261201, numRuns: 3000 },
      );
    });
  }
});

describe('cssPixels reads one length token as the tokenizer does', () => {
  const cases: Array<[string, number | undefined]> = [
    ['1px', 1],
    ['1E1px', 10],
    ['1e-1px', 0.1],
    ['+1px', 1],
    ['.5px', 0.5],
    ['-0.5px', -0.5],
    ['  2PX  ', 2],
    ['1p\\78', 1],
    ['3pt', 4],
    ['1in', 96],
    ['2.54cm', 96],
    ['1pc', 16],
    ['0', 0],
    ['7', 7],
    ['1e1', 10],
    ['1 px', undefined],
    ['1/**/px', undefined],
    ['1.px', undefined],
    ['10%', undefined],
    ['1em', undefined],
    ['auto', undefined],
    ['calc(1px)', undefined],
    ['1px 2px', undefined],
    ['', undefined],
  ];
  for (const [value, px] of cases) it(`${JSON.stringify(value)} is ${px}`, () => expect(cssPixels(value)).toBe(px));

  it('agrees with the tokenizer on generated numbers (a single dimension or number token, in px)', () => {
    const num = fc.tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{0,3}$/), fc.constantFrom('', '.', '.5', '.05'), fc.constantFrom('', 'e1', 'E-2', 'e+0'), fc.constantFrom('', 'px', 'PX', 'pt', 'em', '%'));
    fc.assert(
      fc.property(num, ([sign, int, frac, exp, unit]) => {
        const text = `${sign}${int}${frac}${exp}${unit}`;
        const tokens = tokenize({ css: text }).filter((t) => t[0] !== TokenType.EOF);
        const t = tokens.length === 1 ? tokens[0] : undefined;
        const expected = t?.[0] === TokenType.Number ? t[4].value : t?.[0] === TokenType.Dimension && ['px', 'pt'].includes(t[4].unit.toLowerCase()) ? t[4].value * (t[4].unit.toLowerCase() === 'pt' ? 4 / 3 : 1) : undefined;
        expect(cssPixels(text)).toBe(expected);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
});

describe('cssUrls finds what a client loads', () => {
  const cases: Array<[string, string, unknown[]]> = [
    [
      'url() in any property',
      'a{b:url(https://t.example/1)} c{--x:url(https://t.example/2)}',
      [
        ['css-url', 'https://t.example/1'],
        ['css-url', 'https://t.example/2'],
      ],
    ],
    ['url() with a quoted string', 'a{b:url( "https://t.example/1" )}', [['css-url', 'https://t.example/1']]],
    ['Url( in any case', 'a{b:URL(https://t.example/1)}', [['css-url', 'https://t.example/1']]],
    ['\\75 rl( (an escaped url)', 'a{b:\\75 rl(https://t.example/1)}', [['css-url', 'https://t.example/1']]],
    ['u\\72l( with a string', 'a{b:u\\72l("https://t.example/1")}', [['css-url', 'https://t.example/1']]],
    ['hex escapes inside url()', 'a{b:url(https\\3a //t.example/\\31)}', [['css-url', 'https://t.example/1']]],
    ['a url( left open at the end', 'a{b:url(https://t.example/1', [['css-url', 'https://t.example/1']]],
    ['a url(" left open at the end', 'a{b:url("https://t.example/1', [['css-url', 'https://t.example/1']]],
    ['src() with a string', '@font-face{src:src("https://t.example/f.woff")}', [['css-font-face', 'https://t.example/f.woff']]],
    [
      'image-set() with bare strings',
      'a{b:image-set("https://t.example/1x.png" 1x, "https://t.example/2x.png" 2x)}',
      [
        ['css-url', 'https://t.example/1x.png', 'image-set'],
        ['css-url', 'https://t.example/2x.png', 'image-set'],
      ],
    ],
    [
      '-webkit-image-set() with url()',
      'a{b:-webkit-image-set(url(https://t.example/1) 1x, url("https://t.example/2") 2x)}',
      [
        ['css-url', 'https://t.example/1', 'image-set'],
        ['css-url', 'https://t.example/2', 'image-set'],
      ],
    ],
    ['image-set() type() strings are no URLs', 'a{b:image-set("https://t.example/1" type("image/avif"))}', [['css-url', 'https://t.example/1', 'image-set']]],
    ['@import with a string', '@import "https://t.example/a.css";', [['css-import', 'https://t.example/a.css']]],
    ['@IMPORT', '@IMPORT "https://t.example/a.css";', [['css-import', 'https://t.example/a.css']]],
    ['@import"x" without a blank', '@import"https://t.example/a.css";', [['css-import', 'https://t.example/a.css']]],
    ['@import url(x)', '@import url(https://t.example/a.css);', [['css-import', 'https://t.example/a.css']]],
    ['@import url("x") with layer, supports and media after', '@import url("https://t.example/a.css") layer(x) supports(display:grid) screen and (min-width: 1px);', [['css-import', 'https://t.example/a.css']]],
    ['@import after @charset and @layer statements', '@charset "utf-8"; @layer a, b; @import "https://t.example/a.css";', [['css-import', 'https://t.example/a.css']]],
    ['@import after a style rule is ignored by browsers', 'a{} @import "https://t.example/a.css";', []],
    ['@import inside a block is no import', '@media screen { @import "https://t.example/a.css"; }', []],
    ['@import after a @layer block is ignored', '@layer a {} @import "https://t.example/a.css";', []],
    ['@import in a style attribute loads nothing', '@import "https://t.example/a.css"; b:url(https://t.example/1)', [['css-url', 'https://t.example/1']]],
    [
      '@font-face src',
      '@font-face{font-family:x;src:url(https://t.example/f.woff2) format("woff2")} a{b:url(https://t.example/1)}',
      [
        ['css-font-face', 'https://t.example/f.woff2'],
        ['css-url', 'https://t.example/1'],
      ],
    ],
    ['a bad url (blank inside) is not loaded', 'a{b:url(https://t.example/ 1)}', []],
    ['a bad url (quote inside) is not loaded', 'a{b:url(https://t.example/"1)}', []],
    ['a comment is not loaded', 'a{/* b:url(https://t.example/1) */}', []],
    ['a plain string is not loaded', 'a{content:"url(https://t.example/1)"}', []],
    ['url ( with a blank is no url', 'a{b:url (https://t.example/1)}', []],
  ];
  for (const [name, css, expected] of cases) {
    const attribute = name.includes('style attribute');
    it(name, () => expect(urls(css, attribute)).toEqual(expected));
  }

  it('gives each URL token where it is written', () => {
    const css = 'a{b:url( "https://t.example/1" )} c{d:url(https://t.example/2)}';
    const [quoted, bare] = cssUrls(css);
    expect(css.slice(quoted.start, quoted.end)).toBe('"https://t.example/1"');
    expect(quoted.form).toBe('string');
    expect(css.slice(bare.start, bare.end)).toBe('url(https://t.example/2)');
    expect(bare.form).toBe('url');
    expect(css.slice(bare.offset)).toMatch(/^url\(/);
  });
});
