import fc from 'fast-check';

/**
 * Adversarial markup: the shapes that break hand-written HTML, CSS and URL readers. Each piece
 * is small and named after what it attacks; `hostileHtml` strings them together so that one
 * case mixes several (an early-ending comment around a CSS url( with blanks, say).
 */

// How long the runs of blanks and digits get: long enough that a cubic reader blows the time
// budget (2,500 blanks after `url(` took seconds), shorter in FUZZ_COLLECT hunts for other bugs.
const LONG_RUN = Number(process.env.FUZZ_MAX_RUN ?? 3000);

const repeat = (s: string, max: number) => fc.integer({ min: 1, max }).map((n) => s.repeat(n));

/** Hosts the detector treats specially: proxies it unwraps, vendors it knows, a plain sender. */
export const hostileHost = fc.constantFrom(
  'example.com',
  'list-manage.com',
  'u123.ct.sendgrid.net',
  'ci3.googleusercontent.com',
  'nam02.safelinks.protection.outlook.com',
  'clicktime.symantec.com',
  'urldefense.com',
  'www.google.com',
  'xn--80ak6aa92e.com',
  '[::1',
  '127.0.0.1',
  '',
);

/** Percent escapes that decodeURIComponent rejects, and other broken URL text. */
export const brokenEscape = fc.constantFrom('%E0%A4%A', '%', '%%', '%zz', '%u1234', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%2', '%E0%A4', '+%', '%25%');

const urlTail = fc.oneof(
  brokenEscape,
  fc.constantFrom('/track/open.php?u=1&id=abc123def456ghi789', '/wf/open?upn=', '/open?e=', '/pixel.gif', '/1x1.gif', '#', '?', '&&&', '?a=1;b=2'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  repeat('%41', 200),
  repeat('a', 5000),
);

/** A URL as a tracker, proxy or spammer might write it. */
export const hostileUrl = fc
  .tuple(
    fc.constantFrom('http://', 'https://', '//', 'HtTpS://', 'javascript:', 'data:image/gif;base64,', 'cid:', 'ftp://', 'http:/', '', ' \t\nhttps://'),
    hostileHost,
    fc.array(urlTail, { maxLength: 4 }),
    fc.constantFrom('', '/', '?url=', '/?url=', '/?u=', '/a?u=', '/amp/s/', '/proxy/x#http://list-manage.com/track/open.php?u=', '/v3/__http://x.test__;', '/wf/click?upn='),
  )
  .map(([scheme, host, tails, wrap]) => `${scheme}${host}${wrap}${tails.join('')}`);

/** CSS that stalls backtracking readers or confuses tokenizers. */
export const hostileCss = fc.oneof(
  fc.integer({ min: 1, max: LONG_RUN }).map((n) => `background:url(${' '.repeat(n)}`),
  fc.integer({ min: 1, max: 400 }).map((n) => 'url('.repeat(n)),
  hostileUrl.map((u) => `background-image:url( "${u}" )`),
  hostileUrl.map((u) => `@import url(${u});`),
  hostileUrl.map((u) => `@font-face{src:url('${u}')}`),
  fc.constantFrom(
    'width:1px;height:1px',
    'width:1px !important;height:0',
    'display:none',
    'display : none ;',
    'visibility:hidden',
    'opacity:0',
    'opacity:.0',
    'max-height:0;overflow:hidden',
    'mso-hide:all',
    'position:absolute;left:-9999px',
    'width:1e999px',
    'height:-1px',
    'width:\\31 px',
    '/* never closed',
    'expression(alert(1))',
    'background:url("x',
    "background:url('",
    'background:url(\\',
    'width:1px;;;;;;height:1px',
  ),
  repeat(' ', LONG_RUN).map((s) => `width:${s}1px`),
  repeat('1', LONG_RUN).map((s) => `width:${s}px`),
  // A size that almost parses: quadratic readers take seconds on 20,000 digits before an `x`.
  fc.integer({ min: 1, max: LONG_RUN * 8 }).map((n) => `width:${'1'.repeat(n)}x;height:1`),
);

/** One attribute: quoted or not, huge, duplicated, with an image URL. */
export const hostileAttribute = fc.oneof(
  hostileUrl.map((u) => `src="${u}"`),
  hostileUrl.map((u) => `src=${u}`),
  hostileUrl.map((u) => `srcset="${u} 1x, ${u},, 2x"`),
  hostileUrl.map((u) => `background='${u}'`),
  hostileCss.map((c) => `style="${c.replace(/"/g, "'")}"`),
  hostileCss.map((c) => `style='${c}`),
  fc.constantFrom('width=1', 'height="1"', 'width="0" height="0"', 'width=1px', 'hidden', 'width', '=', '""', "'", '"', '/', 'src', 'src=', 'width="1e999"'),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => `title="${'x'.repeat(n)}"`),
  fc.integer({ min: 1, max: LONG_RUN * 8 }).map((n) => `width="${'1'.repeat(n)}x" height="1"`),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => `src="http://example.com/${'a'.repeat(n)}"`),
);

const element = fc.constantFrom('img', 'IMG', 'div', 'td', 'table', 'input type=image', 'video poster=x', 'link rel=stylesheet href', 'v:fill', 'v:image', 'a href', 'image', 'svg', 'math', 'body', 'base href', 'frame');

/** A tag with hostile attributes, closed or not. */
export const hostileTag = fc.tuple(element, fc.array(hostileAttribute, { maxLength: 4 }), fc.constantFrom('>', '/>', '', ' >', '\n>')).map(([name, attrs, end]) => `<${name} ${attrs.join(' ')}${end}`);

/** A piece of a document: markup that ends early, never ends, or nests without end. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileTag },
  hostileCss.map((c) => `<style>${c}</style>`),
  hostileCss.map((c) => `<style>.x{${c}`),
  fc.constantFrom(
    '<!-->',
    '<!--->',
    '<!-- a -- b -->',
    '<!--',
    '--!>',
    '-->',
    '<!---->',
    '<!--[if mso]><v:rect><v:fill src="http://example.com/open.gif" /></v:rect><![endif]-->',
    '<!--[if gte mso 9]>',
    '<![endif]-->',
    '<![CDATA[ <img src="http://example.com/open?id=0123456789abcdef"> ]]>',
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE',
    '<?xml version="1.0"?>',
    '<script>',
    '</script',
    '<title><img src=x></title>',
    '<textarea>',
    '<plaintext>',
    '</style',
    '<',
    '</',
    '<>',
    '</>',
    '&#x;',
    '&#;',
    '&#99999999999;',
    '&#x110000;',
    '&#xD800;',
    '&#0;',
    '&amp',
    '&unknown;',
    '&lt;img src=x&gt;',
    '\u0000',
    '\ufeff',
    '\u202e',
    '\u001b[31m',
    '\u001b]0;title\u0007',
    '\r',
    '\r\n',
    '\n',
    '\u2028',
  ),
  fc.integer({ min: 1, max: 5000 }).map((n) => '<div>'.repeat(n)),
  fc.integer({ min: 1, max: 2000 }).map((n) => '<table><tr><td>'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => '<div style="display:none">'.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '<!--'.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '<'.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '&#'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** A whole HTML body made of hostile pieces, with an image that trackers would use somewhere. */
export const hostileHtml = fc.tuple(fc.array(hostileFragment, { minLength: 1, maxLength: 8 }), fc.boolean()).map(([parts, wrap]) => (wrap ? `<html><body>${parts.join('')}</body></html>` : parts.join('')));
