import type { LoadCase } from '../load-case.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const SVG_IMAGE = (href: string): string => `<svg xmlns='http://www.w3.org/2000/svg'><image href='${href}' width='1' height='1'/></svg>`;

/**
 * data: documents and style sheets: pixelaudit never fetches a data: URL, but Chromium loads what
 * a frame's data: document or a data: sheet refers to (an outside attacker's issue-10 report).
 * An SVG read as an image loads nothing: the control.
 */
export const DATA_URLS: readonly LoadCase[] = [
  {
    id: 'data-link-stylesheet',
    why: 'a <link rel=stylesheet> of a data:text/css sheet: the url() in it loads where its rule applies',
    html: '<link rel=stylesheet href="data:text/css,body%7Bbackground:url({{O}}/data-link-bg.png)%7D"><p>x</p>',
    loads: ['{{O}}/data-link-bg.png'],
  },
  {
    id: 'data-link-stylesheet-import',
    why: 'the @import of a data: sheet loads with it',
    html: '<link rel=stylesheet href="data:text/css,@import url({{O}}/data-link-imp.css);">',
    loads: ['{{O}}/data-link-imp.css'],
  },
  {
    id: 'data-style-import',
    why: 'an @import of a data:text/css sheet in <style>: its url() loads',
    html: '<style>@import url("data:text/css,div%7Bbackground:url({{O}}/data-import-bg.png)%7D");</style><div>x</div>',
    loads: ['{{O}}/data-import-bg.png'],
  },
  {
    id: 'data-style-import-nested',
    why: 'a data: sheet imported by a data: sheet: its @import loads',
    html: '<style>@import url("data:text/css,@import url(%22data:text/css,@import url({{O}}/data-nested.css);%22);");</style>',
    loads: ['{{O}}/data-nested.css'],
  },
  {
    id: 'data-iframe-html',
    why: 'an <iframe src> of a data:text/html document: its img loads (a hidden 0x0 frame still loads)',
    html: '<iframe src="data:text/html,%3Cimg src={{O}}/data-iframe.png%3E" width=0 height=0></iframe>',
    loads: ['{{O}}/data-iframe.png'],
  },
  {
    id: 'data-iframe-base64',
    why: 'a ;base64 data: document is decoded by the data: URL processor: its img loads',
    html: `<iframe src="data:text/html;base64,${b64('<img src=http://pixelaudit.test/data-b64.png>')}"></iframe>`,
    loads: ['http://pixelaudit.test/data-b64.png'],
  },
  {
    id: 'data-iframe-in-srcdoc',
    why: 'a data: iframe inside a srcdoc: its img loads',
    html: '<iframe srcdoc="<iframe src=\'data:text/html,%3Cimg src={{O}}/data-in-srcdoc.png%3E\'></iframe>"></iframe>',
    loads: ['{{O}}/data-in-srcdoc.png'],
  },
  {
    id: 'data-object-html',
    why: 'an <object data> of a data:text/html document: its img loads',
    html: '<object type=text/html data="data:text/html,%3Cimg src={{O}}/data-object.png%3E"></object>',
    loads: ['{{O}}/data-object.png'],
  },
  {
    id: 'data-embed-svg',
    why: 'an <embed> of a data:image/svg+xml document: the SVG is a document, its <image> loads',
    html: `<embed type=image/svg+xml src="data:image/svg+xml,${SVG_IMAGE('{{O}}/data-embed.png')}">`,
    loads: ['{{O}}/data-embed.png'],
  },
  {
    id: 'data-iframe-svg',
    why: 'an <iframe src> of a data:image/svg+xml document: its <image> loads',
    html: `<iframe src="data:image/svg+xml,${SVG_IMAGE('{{O}}/data-iframe-svg.png')}"></iframe>`,
    loads: ['{{O}}/data-iframe-svg.png'],
  },
  {
    id: 'data-img-svg-control',
    why: 'an SVG as an image (<img src=data:image/svg+xml>) loads no subresources (the img after it proves the page loaded)',
    html: `<img src="data:image/svg+xml,${SVG_IMAGE('{{O}}/data-img-svg.png')}"><img src="{{O}}/data-img-svg-after.png">`,
    loads: ['{{O}}/data-img-svg-after.png'],
  },
];
