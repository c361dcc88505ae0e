import type { LoadCase } from '../load-case.js';

// Outside review 5, finding 3: past the node cap (src/html/tree-size-cap.ts) a document is read
// from its tags alone (src/html/tag-tree.ts), and there an SVG <style>, <title> or <script> was
// raw text. 200,001 <p> put the document over the cap; Chromium reads it as any other. They
// stand inside a <template>, whose content the node cap counts and Chromium neither styles nor
// lays out: 200,001 <p> in the body took a page past the oracle's 20 s load in a full run.
const PAD = `<template>${'<p>'.repeat(200_001)}</template>`;

/** Foreign content's rules in the tags-only reading of a document over the node cap. */
export const TAGS_ONLY_FOREIGN: LoadCase[] = [
  {
    id: 'tags-only-svg-style-is-markup',
    why: 'over the node cap: an SVG <style> is an ordinary element, the img in it breaks out and loads',
    html: `${PAD}<svg><style><img src="{{O}}/to-style.png"></style></svg>`,
    loads: ['{{O}}/to-style.png'],
  },
  {
    id: 'tags-only-svg-title-is-markup',
    why: 'over the node cap: an SVG <title> is an integration point whose content is HTML, not raw text',
    html: `${PAD}<svg><title><img src="{{O}}/to-title.png"></title></svg>`,
    loads: ['{{O}}/to-title.png'],
  },
  {
    id: 'tags-only-svg-script-is-markup',
    why: 'over the node cap: an SVG <script> is parsed as markup',
    html: `${PAD}<svg><script><img src="{{O}}/to-script.png"></script></svg>`,
    loads: ['{{O}}/to-script.png'],
  },
  {
    id: 'tags-only-svg-textarea-is-markup',
    why: 'over the node cap: <textarea> inside svg is a foreign element, its content markup',
    html: `${PAD}<svg><textarea><img src="{{O}}/to-textarea.png"></textarea></svg>`,
    loads: ['{{O}}/to-textarea.png'],
  },
  {
    id: 'tags-only-math-style-is-markup',
    why: 'over the node cap: a MathML <style> is markup and no style sheet: the HTML sheet after it is read as its own',
    html: `${PAD}<math><style>b{}<img src="{{O}}/to-math.png"></style></math><style>@import url({{O}}/to-after-math.css);</style>`,
    loads: ['{{O}}/to-math.png', '{{O}}/to-after-math.css'],
  },
  {
    id: 'tags-only-svg-style-sheet-kept',
    why: "over the node cap: an SVG <style> is still a style sheet, its text (character references decoded) up to the first tag. Found here: Chromium's preload scanner reads that text undecoded and also requests `to-svg&` (`#46;css` a fragment), a known miss (README, known gaps)",
    html: `${PAD}<svg><style>@import url("{{O}}/to-svg&#46;css");</style></svg>`,
    loads: ['{{O}}/to-svg.css'],
    knownMissed: ['{{O}}/to-svg&'],
  },
  {
    id: 'tags-only-svg-cdata-may-load',
    why: "over the node cap: the tag walker ends a CDATA section at its first >, so the img after it is listed; parse5 reads it as text, but Chromium's preload scanner fetched it here (behind the <template>; not with 200,001 <p> in the body): a possible load",
    html: `${PAD}<svg><![CDATA[ > <img src="{{O}}/to-cdata.png"> ]]></svg><img src="{{O}}/to-ctl.png">`,
    loads: ['{{O}}/to-ctl.png'],
    mayLoad: ['{{O}}/to-cdata.png'],
  },
  {
    id: 'tags-only-foreignobject-style-is-raw-text',
    why: 'over the node cap: inside foreignObject the rules are HTML again, <style> is raw text',
    html: `${PAD}<svg><foreignObject><style><img src="{{O}}/to-fo.png"></style></foreignObject></svg><img src="{{O}}/to-ctl2.png">`,
    loads: ['{{O}}/to-ctl2.png'],
  },
  {
    id: 'tags-only-picture-source',
    why: 'over the node cap: a picture keeps its children, so its source loads through its img (it was read as a source outside any picture)',
    html: `${PAD}<picture><source srcset="{{O}}/to-pic-src.png"><img src="{{O}}/to-pic-img.png"></picture>`,
    loads: ['{{O}}/to-pic-src.png'],
    mayLoad: ['{{O}}/to-pic-img.png'],
  },
  {
    id: 'tags-only-svg-picture-source',
    why: "over the node cap: the preload scanner's SVG picture source is listed as in a tree (Chromium fetched it without the padding, preload-svg-picture-source, not always behind the <template>: a possible load here)",
    html: `${PAD}<svg><picture><source srcset="{{O}}/to-sp-src.png"><img src="{{O}}/to-sp-img.png"></picture></svg>`,
    loads: ['{{O}}/to-sp-img.png'],
    mayLoad: ['{{O}}/to-sp-src.png'],
  },
];
