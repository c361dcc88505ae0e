import { describe, expect, it } from 'vitest';
import { extractResources, extractWith, type ExtractedHtml } from '../src/html/extract-resources.js';
import { specTree } from '../src/html/spec-tree.js';
import { NO_DEADLINE } from '../src/engine/deadline.js';

// The extraction over the spec tree, case by case: what Chromium 150 (scripting off) loads,
// and what the HTML, CSS and URL standards say. `urls` lists what is reported as a load.
const extract = (html: string): ExtractedHtml => extractWith(specTree, html, NO_DEADLINE);
const urls = (html: string): string[] => extract(html).resources.map((r) => r.url);
const kinds = (html: string): string[] => extract(html).resources.map((r) => `${r.kind} ${r.url}`);
const one = (html: string) => {
  const { resources } = extract(html);
  expect(resources).toHaveLength(1);
  return resources[0];
};
const O = 'https://t.example';

describe('every loading element', () => {
  it.each([
    ['img src', `<img src="${O}/a.png">`, ['img https://t.example/a.png']],
    ['<image> is made an img by the parser', `<image src="${O}/a.png">`, ['img https://t.example/a.png']],
    ['input type=image (ASCII case-insensitive)', `<input type=IMAGE src="${O}/a.png"><input type=" image" src="${O}/no.png"><input src="${O}/no2.png">`, ['input-image https://t.example/a.png']],
    ['SVG image href', `<svg><image href="${O}/a.png"/></svg>`, ['svg-image https://t.example/a.png']],
    ['SVG image xlink:href', `<svg><image xlink:href="${O}/a.png"/></svg>`, ['svg-image https://t.example/a.png']],
    ['SVG image: href wins over xlink:href, even empty', `<svg><image href="" xlink:href="${O}/x.png"/><image href="${O}/h.png" xlink:href="${O}/x2.png"/></svg>`, ['svg-image https://t.example/h.png']],
    ['SVG feImage', `<svg><filter><feImage href="${O}/f.png"/></filter></svg>`, ['svg-feimage https://t.example/f.png']],
    ['SVG use with an external href is not fetched cross-origin', `<svg><use href="${O}/u.svg#a"/></svg>`, []],
    ['video poster and src', `<video src="${O}/v.mp4" poster="${O}/p.png"></video>`, ['video-poster https://t.example/p.png', 'video-src https://t.example/v.mp4']],
    ['audio src', `<audio src="${O}/a.mp3"></audio>`, ['audio-src https://t.example/a.mp3']],
    ['source src inside video and audio', `<video><source src="${O}/v.mp4"></video><audio><source src="${O}/a.mp3"></audio>`, ['media-source https://t.example/v.mp4', 'media-source https://t.example/a.mp3']],
    ['source outside picture, video and audio loads nothing', `<div><source src="${O}/s.mp4" srcset="${O}/s.png"></div>`, []],
    ['track inside video', `<video><track default src="${O}/t.vtt"></video><track src="${O}/orphan.vtt">`, ['track https://t.example/t.vtt']],
    ['object data', `<object data="${O}/o.svg"></object>`, ['object-data https://t.example/o.svg']],
    ['embed src', `<embed src="${O}/e.png">`, ['embed https://t.example/e.png']],
    ['iframe src', `<iframe src="${O}/i.html"></iframe>`, ['iframe https://t.example/i.html']],
    ['iframe srcdoc wins over src', `<iframe src="${O}/i.html" srcdoc="<p>x"></iframe>`, []],
    ['frame in a frameset document', `<frameset><frame src="${O}/f.html"></frameset>`, ['frame https://t.example/f.html']],
    ['frame in a body is dropped by the parser', `<body><frame src="${O}/f.html">`, []],
    ['link rel=stylesheet, any case, among other tokens', `<link rel="Alternate STYLESHEET" href="${O}/a.css"><link rel=stylesheet href="${O}/b.css">`, ['link-stylesheet https://t.example/a.css', 'link-stylesheet https://t.example/b.css']],
    ['rel that only contains stylesheet as a substring loads nothing', `<link rel="stylesheets" href="${O}/a.css"><link rel="x-stylesheet" href="${O}/b.css">`, []],
    ['stylesheet with a type other than text/css loads nothing', `<link rel=stylesheet type="text/plain" href="${O}/a.css"><link rel=stylesheet type="TEXT/CSS; charset=utf-8" href="${O}/b.css">`, ['link-stylesheet https://t.example/b.css']],
    ['link rel=icon, apple-touch-icon', `<link rel="shortcut icon" href="${O}/i.ico"><link rel=apple-touch-icon href="${O}/a.png">`, ['link-icon https://t.example/i.ico', 'link-icon https://t.example/a.png']],
    ['preload with an as Chromium fetches', `<link rel=preload as=IMAGE href="${O}/p.png"><link rel=preload href="${O}/noas.png"><link rel=preload as=script href="${O}/s.js">`, ['link-preload https://t.example/p.png']],
    ['preload as=image imagesrcset', `<link rel=preload as=image imagesrcset="${O}/1.png 1x, ${O}/2.png 2x">`, ['link-preload https://t.example/1.png', 'link-preload https://t.example/2.png']],
    ['prefetch, compression-dictionary', `<link rel=prefetch href="${O}/p"><link rel=compression-dictionary href="${O}/d">`, ['link-prefetch https://t.example/p', 'link-prefetch https://t.example/d']],
    ['modulepreload, preconnect, dns-prefetch make no request with scripting off', `<link rel=modulepreload href="${O}/m.js"><link rel=preconnect href="${O}/"><link rel=dns-prefetch href="${O}/">`, []],
    [
      'background where the standard maps it',
      `<body background="${O}/b.png"><table background="${O}/t.png"><tr background="${O}/tr.png"><td background="${O}/td.png">x<th background="${O}/th.png">`,
      ['background-attr https://t.example/b.png', 'background-attr https://t.example/t.png', 'background-attr https://t.example/tr.png', 'background-attr https://t.example/td.png', 'background-attr https://t.example/th.png'],
    ],
    ['background on a div is not mapped', `<div background="${O}/d.png">x</div>`, []],
    ['VML images', `<v:image src="${O}/a.png"></v:image><v:fill src="${O}/b.png"/><v:imagedata src="${O}/c.png"/>`, ['vml-image https://t.example/a.png', 'vml-image https://t.example/b.png', 'vml-image https://t.example/c.png']],
    ['CSS url() in a style attribute', `<div style="background:url(${O}/bg.png)">x</div>`, ['css-url https://t.example/bg.png']],
    ['a loading void element inside <select> is kept, as the current standard parses select content', `<select><option><img src="${O}/o.png">one<embed src="${O}/e.png"></select>`, ['img https://t.example/o.png', 'embed https://t.example/e.png']],
    ['... in a select in a table too; a non-void element there stays dropped, its void content kept', `<table><tr><td><select><option><span style="display:none"><img src="${O}/t.png"></select></table>`, ['img https://t.example/t.png']],
    [
      'inside <select>, the in-head elements are read as in body: style sheets, base, raw text',
      `<select><base href="${O}/b/"><style>@import url(${O}/i.css);</style><noframes><img src="${O}/n.png"></noframes><image src="x.png"></select>`,
      ['css-import https://t.example/i.css', 'img https://t.example/b/x.png'],
    ],
    ['CSS in <style> and SVG <style>', `<style>@import url(${O}/a.css);</style><svg><style>@import "${O}/b.css";</style></svg>`, ['css-import https://t.example/a.css', 'css-import https://t.example/b.css']],
  ])('%s', (_name, html, expected) => expect(kinds(html)).toEqual(expected));

  it('VML is Outlook-only; everything else is for every client', () => {
    expect(one(`<v:image src="${O}/a.png"/>`).client).toBe('outlook');
    expect(one(`<img src="${O}/a.png">`).client).toBeUndefined();
  });

  it('says which loads are certain: img src alone must load; srcset candidates and media may', () => {
    const r = extract(`<img src="${O}/a.png"><img src="${O}/b.png" srcset="${O}/c.png 2x"><video src="${O}/v.mp4" poster="${O}/p.png"></video>`).resources;
    expect(r.map((x) => `${x.url} ${x.load}`)).toEqual(['https://t.example/a.png must', 'https://t.example/b.png may', 'https://t.example/c.png may', 'https://t.example/p.png must', 'https://t.example/v.mp4 may']);
  });

  it('an object or embed inside an object that loads may not load', () => {
    const r = extract(`<object data="${O}/o.svg"><object data="${O}/inner.svg"></object><embed src="${O}/e.png"><img src="${O}/fallback.png"></object>`).resources;
    expect(r.map((x) => `${x.url} ${x.load}`)).toEqual(['https://t.example/o.svg must', 'https://t.example/inner.svg may', 'https://t.example/e.png may', 'https://t.example/fallback.png must']);
  });

  it('reports meta refresh as not loaded, in its own list', () => {
    const x = extract(`<meta http-equiv="Refresh" content="0; URL='${O}/r?a=1'">`);
    expect(x.resources).toEqual([]);
    expect(x.notLoaded.map((r) => `${r.kind} ${r.url}`)).toEqual(['meta-refresh https://t.example/r?a=1']);
  });
});

describe('picture', () => {
  it('loads the sources before its img, with the img hidden-ness and size', () => {
    const r = extract(`<picture><source srcset="${O}/s1.png 1x,${O}/s2.png 2x"><img src="${O}/i.png" width=1 height=1></picture>`).resources;
    expect(r.map((x) => `${x.kind} ${x.url} ${x.hiddenBy}`)).toEqual(['picture-source https://t.example/s1.png tiny', 'picture-source https://t.example/s2.png tiny', 'img https://t.example/i.png tiny']);
  });

  it('a source of 200,000 candidates', () => {
    expect(urls(`<picture><source srcset="${`${O}/s.png 1x,`.repeat(200_000)}"><img src="${O}/i.png"></picture>`)).toHaveLength(200_001);
  });

  it('loads no source without an img, nor one after it', () => {
    expect(urls(`<picture><source srcset="${O}/alone.png"></picture>`)).toEqual([]);
    expect(urls(`<picture><img src="${O}/i.png"><source srcset="${O}/after.png"></picture>`)).toEqual(['https://t.example/i.png']);
  });
});

describe('iframe srcdoc', () => {
  it('is a document of its own, read with the same builder, its resources at the iframe', () => {
    const html = `<p>x</p>\n  <iframe srcdoc="<p><img src='${O}/in.png'><a href='${O}/l'>l</a>"></iframe>`;
    const x = extract(html);
    expect(x.resources.map((r) => [r.url, r.position])).toEqual([['https://t.example/in.png', { line: 2, column: 3 }]]);
    expect(x.links.map((l) => [l.url, l.position])).toEqual([['https://t.example/l', { line: 2, column: 3 }]]);
  });

  it('inherits the container base and the iframe hidden-ness; nested srcdocs too', () => {
    const inner = `<iframe srcdoc='<img src=deep.png>'></iframe>`.replace(/'/g, '&apos;');
    const html = `<base href="${O}/b/"><div style="display:none"><iframe srcdoc="<img src=rel.png>${inner}"></iframe></div>`;
    expect(extract(html).resources.map((r) => `${r.url} ${r.hiddenBy}`)).toEqual(['https://t.example/b/rel.png display-none', 'https://t.example/b/deep.png display-none']);
  });

  it('a tiny iframe hides what it shows', () => {
    expect(one(`<iframe width=1 height=1 srcdoc="<img src=${O}/x.png>"></iframe>`).hiddenBy).toBe('tiny');
  });
});

describe('URLs by the URL standard', () => {
  it.each([
    ['backslashes in a special scheme', 'https:\\\\host.example\\x.png', 'https://host.example/x.png'],
    ['a special scheme without slashes', 'http:host.example/y', 'http://host.example/y'],
    ['scheme-relative (taken as http: when there is no base)', '//host.example/z', 'http://host.example/z'],
    ['tabs and newlines inside, spaces around', ' \thttps://ho\nst.example/a\tb.png\n ', 'https://host.example/ab.png'],
    ['upper-case scheme and host', 'HTTPS://HOST.Example/A.png', 'https://host.example/A.png'],
    ['spaces in the path are percent-encoded', 'https://host.example/a b.png', 'https://host.example/a%20b.png'],
    ['a numeric host becomes the IPv4 address', 'http://0x7f000001/p.gif', 'http://127.0.0.1/p.gif'],
    ['an IDN host is Punycode', 'https://bücher.example/p.gif', 'https://xn--bcher-kva.example/p.gif'],
    ['an ASCII xn-- label that is not valid Punycode loads in Chromium', 'https://xn--b-123milhas-xbazskd3dq-uc.a.run.app/x', 'https://xn--b-123milhas-xbazskd3dq-uc.a.run.app/x'],
    ['the default port is dropped', 'https://host.example:443/p', 'https://host.example/p'],
  ])('%s', (_name, raw, url) => {
    const r = one(`<img src="${raw.replace(/"/g, '&quot;')}">`);
    expect(r.url).toBe(url);
    expect(r.written === undefined || r.written === raw).toBe(true);
  });

  it.each([
    ['http://[body_domain]/track/', 'the URL parser rejects it'],
    ['http://host.example:99999/p', 'the URL parser rejects it'],
    ['cid:part1@example', 'cid: is not fetched from the network'],
    ['data:image/gif;base64,R0lGOD', 'data: is not fetched from the network'],
    ['javascript:alert(1)', 'javascript: is not fetched from the network'],
    ['/relative.png', 'a relative URL, and the message has no <base href>'],
    ['pixel.gif', 'a relative URL, and the message has no <base href>'],
  ])('%s is not a remote resource, and explain is told why', (raw, reason) => {
    const x = extract(`<p>x</p><img src="${raw}">`);
    expect(x.resources).toEqual([]);
    expect(x.rejected).toEqual([{ written: raw, kind: 'img', element: 'img', reason, position: { line: 1, column: 9 } }]);
  });

  it('a URL with credentials only may load: Chromium blocks it, other engines may not', () => {
    expect(one(`<img src="http://user:pw@host.example/p.gif">`)).toMatchObject({ url: 'http://user:pw@host.example/p.gif', load: 'may' });
  });

  it('an empty or blank attribute loads nothing and is not listed', () => {
    expect(extract(`<base href="${O}/"><img src=""><img src="  ">`)).toMatchObject({ resources: [], rejected: [] });
  });

  it('resolves against the first <base href>, itself resolved, from where it stands', () => {
    expect(urls(`<img src="before.png"><base href="${O}/a/"><base href="${O}/b/"><img src="x.png"><img src="../y.png">`)).toEqual(['https://t.example/a/x.png', 'https://t.example/y.png']);
    // A relative base resolves against nothing in a message: it changes nothing.
    expect(extract(`<base href="/rel/"><img src="x.png">`).resources).toEqual([]);
    expect(urls(`<base href="//cdn.example/m/"><img src="x.png">`)).toEqual(['http://cdn.example/m/x.png']);
  });

  it('links: a, area and SVG a, resolved the same way; only http(s) kept', () => {
    const x = extract(`<base href="${O}/"><a href="l1">x</a><map><area href="${O}/l2"></map><svg><a xlink:href="${O}/l3"><text>t</text></a></svg><a href="mailto:x@example.org">m</a>`);
    expect(x.links.map((l) => l.url)).toEqual(['https://t.example/l1', 'https://t.example/l2', 'https://t.example/l3']);
    expect(x.links[0].written).toBe('l1');
  });
});

describe('srcset by the HTML algorithm', () => {
  it.each([
    ['no space after the comma', `${O}/a.png 1x,${O}/b.png 2x`, ['https://t.example/a.png', 'https://t.example/b.png']],
    ['a URL with commas inside', `${O}/a,b.png 1x, ${O}/c.png 2x`, ['https://t.example/a,b.png', 'https://t.example/c.png']],
    ['trailing commas of a URL go', `${O}/a.png,, ${O}/b.png`, ['https://t.example/a.png', 'https://t.example/b.png']],
    ['width descriptors and whitespace around', `  ${O}/a.png  100w ,\n${O}/b.png 200w  `, ['https://t.example/a.png', 'https://t.example/b.png']],
    ['an invalid descriptor drops that candidate only', `${O}/bad.png 1q, ${O}/good.png 2x`, ['https://t.example/good.png']],
    ['h without w is invalid', `${O}/h.png 10h, ${O}/wh.png 10w 10h`, ['https://t.example/wh.png']],
    ['two densities are invalid', `${O}/dd.png 1x 2x, ${O}/ok.png`, ['https://t.example/ok.png']],
    ['parentheses keep a comma inside a descriptor', `${O}/p.png (a, b), ${O}/q.png 1x`, ['https://t.example/q.png']],
  ])('%s', (_name, srcset, expected) => expect(urls(`<img srcset="${srcset}">`)).toEqual(expected));

  it('lists each dropped candidate as rejected', () => {
    expect(extract(`<img srcset="${O}/bad.png 0w">`).rejected.map((r) => r.reason)).toEqual(['a srcset candidate with an invalid descriptor']);
  });
});

describe('width and height by the rules for parsing dimension values, CSS over them', () => {
  it.each([
    ['width="1"', 1],
    ['width="1px"', 1],
    ['width="1abc"', 1],
    ['width=" 2.5"', 2.5],
    ['width="1.%"', 1],
    ['width="50%"', undefined],
    ['width="+1"', undefined],
    ['width=".5"', undefined],
    ['width="1" style="width:200px"', 200],
    ['width="600" style="width:100%"', undefined],
    ['width="600" style="width:auto"', undefined],
    ['width="1" style="width:banana"', 1],
    ['width="600" style="max-width:2px"', 2],
    ['style="max-width:0"', 0],
    ['width="600" style="max-width:-2px"', 600],
    ['width="600" style="max-width:100%"', undefined],
    ['width="600" style="max-width:none"', 600],
    ['width="1" style="max-width:100%"', 1],
  ])('<img %s>', (attrs, width) => expect(one(`<img src="${O}/a.png" ${attrs}>`).width).toBe(width));

  it('a 1x1 image is tiny; 1abc too', () => {
    expect(one(`<img src="${O}/a.png" width="1abc" height="1abc">`).hiddenBy).toBe('tiny');
  });
});

describe('hidden', () => {
  it('by the hidden attribute, unless CSS gives a display', () => {
    expect(one(`<div hidden><img src="${O}/a.png"></div>`).hiddenBy).toBe('hidden-attribute');
    expect(one(`<div hidden style="display:block"><img src="${O}/a.png"></div>`).hiddenBy).toBeUndefined();
  });

  it('visibility:hidden is undone by a descendant visibility:visible; display:none is not', () => {
    const r = extract(`<div style="visibility:hidden"><span style="visibility:visible"><img src="${O}/v.png"></span><img src="${O}/h.png"></div>`).resources;
    expect(r.map((x) => x.hiddenBy)).toEqual([undefined, 'visibility-hidden']);
    expect(one(`<div style="display:none"><span style="display:block"><img src="${O}/a.png"></span></div>`).hiddenBy).toBe('display-none');
  });

  it('foster parenting moves an img out of a hidden table, so it is seen', () => {
    expect(one(`<table style="display:none"><tr><td>x</td></tr><img src="${O}/f.png"></table>`).hiddenBy).toBeUndefined();
    expect(one(`<table style="display:none"><tr><td><img src="${O}/in.png"></td></tr></table>`).hiddenBy).toBe('display-none');
  });

  it('<div/> does not close: what follows is inside the hidden div', () => {
    expect(one(`<div style="display:none"/><img src="${O}/a.png">`).hiddenBy).toBe('display-none');
  });

  it('a reconstructed formatting element carries its hiding style onto the next paragraph', () => {
    expect(one(`<p><b style="display:none">x<p><img src="${O}/a.png">`).hiddenBy).toBe('display-none');
  });

  it('one hidden <p> does not hide the next: the parser closes it', () => {
    expect(one(`<p style="display:none">pre<p><img src="${O}/a.png">`).hiddenBy).toBeUndefined();
  });
});

describe('inert markup', () => {
  it.each([
    ['template contents', `<template><img src="${O}/a.png"></template>`],
    ['after plaintext', `<plaintext><img src="${O}/a.png">`],
    ['iframe content (raw text)', `<iframe><img src="${O}/a.png"></iframe>`],
    ['textarea, title, xmp, noembed, noframes content', `<textarea><img src="${O}/1"></textarea><title><img src="${O}/2"></title><xmp><img src="${O}/3"></xmp><noembed><img src="${O}/4"></noembed><noframes><img src="${O}/5"></noframes>`],
    ['a bogus comment', `<? <img src="${O}/a.png"> ?>`],
    ['CDATA outside foreign content', `<![CDATA[ <img src="${O}/a.png"> ]]>`],
    ['an attribute that is not src', `<img =src="${O}/a.png">`],
    ['a comment not ended by -- >', `<!-- -- ><img src="${O}/a.png"> -->x`],
  ])('%s loads nothing', (_name, html) => expect(urls(html)).toEqual([]));

  it.each([
    ['a comment ended early by <!-->', `<!--><img src="${O}/a.png">-->`],
    ['a comment ended early by <!--->', `<!---><img src="${O}/a.png">-->`],
    ['a comment ended by --!>', `<!-- x --!><img src="${O}/a.png">`],
    ['noscript content, scripting being off', `<noscript><img src="${O}/a.png"></noscript>`],
    ['an img breaking out of svg', `<svg><img src="${O}/a.png"></svg>`],
    ['markup inside svg style', `<svg><style></style><img src="${O}/a.png"></style></svg>`],
  ])('%s loads', (_name, html) => expect(urls(html)).toEqual([`${O}/a.png`]));
});

describe('Outlook conditional comments', () => {
  it('reads the content in its parent context, at its place, as Outlook-only', () => {
    const html = `<table><tr>\n<!--[if gte mso 9]><td><img src="${O}/o.png"></td><![endif]--></tr></table>`;
    const r = one(html);
    expect(r).toMatchObject({ url: `${O}/o.png`, client: 'outlook', position: { line: 2, column: 24 } });
  });

  it('keeps positions right past CR LF line ends inside the comment', () => {
    const html = `<div><!--[if mso]>\r\n\r\n<img src="${O}/o.png"><![endif]--></div>`;
    expect(one(html).position).toEqual({ line: 3, column: 1 });
  });

  it('inherits the hidden state of its parent', () => {
    expect(one(`<div style="display:none"><!--[if mso]><img src="${O}/o.png"><![endif]--></div>`).hiddenBy).toBe('display-none');
  });

  it('a condition no Outlook meets renders nothing', () => {
    expect(urls(`<!--[if !mso]><img src="${O}/a.png"><![endif]-->`)).toEqual([]);
    expect(urls(`<!--[if lt mso 9]><img src="${O}/a.png"><![endif]-->`)).toEqual([]);
    expect(urls(`<!--[if (gte mso 9)|(IE)]><img src="${O}/a.png"><![endif]-->`)).toEqual([`${O}/a.png`]);
  });

  it('the downlevel-revealed forms are ordinary markup for every client', () => {
    const r = extract(`<!--[if !mso]><!--><img src="${O}/a.png"><!--<![endif]--><![if !mso]><img src="${O}/b.png"><![endif]>`).resources;
    expect(r.map((x) => [x.url, x.client])).toEqual([
      [`${O}/a.png`, undefined],
      [`${O}/b.png`, undefined],
    ]);
  });

  it('VML inside, and CSS of a <style> inside', () => {
    const r = extract(`<!--[if mso]><v:fill src="${O}/v.png"/><style>@import url(${O}/o.css);</style><![endif]-->`).resources;
    expect(r.map((x) => `${x.kind} ${x.client}`)).toEqual(['vml-image outlook', 'css-import outlook']);
  });
});

describe('positions', () => {
  it('line and column of the element, also in fragments; CSS at its url()', () => {
    const x = extract(`<p>\n <a href="${O}/l">x</a>\n<style>\n  .a { background: url(${O}/bg.png) }\n</style>`);
    expect(x.links[0].position).toEqual({ line: 2, column: 2 });
    expect(x.resources[0].position).toEqual({ line: 4, column: 20 });
  });

  it('lines end at CR LF, LF and a lone CR, as the HTML input stream ends them; columns count UTF-16 code units', () => {
    const img = `<img src="${O}/p.png">`;
    // LF then a lone CR are two line ends: the image is on line 5.
    expect(one(`<p>a\rb\r\n<i></i>\n\r${img}`).position).toEqual({ line: 5, column: 1 });
    expect(one(`<p>line2\r${img}`).position).toEqual({ line: 2, column: 1 });
    // Two astral characters are four UTF-16 code units, as SARIF's default columnKind counts them.
    expect(one(`\u{1F600}\u{1F600}${img}`).position).toEqual({ line: 1, column: 5 });
  });

  it('an implied body given attributes by a later tag is placed at the start', () => {
    expect(one(`<p>x</p>\n<body background="${O}/bg.png">`).position).toEqual({ line: 1, column: 1 });
  });
});

describe('deep nesting', () => {
  it('100,000 nested elements with a pixel at the bottom', () => {
    const html = `${'<div>'.repeat(100_000)}<img src="${O}/deep.png" width=1 height=1>`;
    expect(extractResources(html).resources.map((r) => r.url)).toEqual([`${O}/deep.png`]);
  });

  it('ticks the deadline per element', () => {
    let ticks = 0;
    const deadline = {
      ...NO_DEADLINE,
      tick: () => {
        ticks++;
      },
    };
    extractWith(specTree, '<div><p><span>x</span></p></div>', deadline);
    expect(ticks).toBeGreaterThanOrEqual(6);
  });
});
