import type { LoadCase } from '../load-case.js';

const presentation = (attr: string): string => `<svg width="40" height="20"><path d="M0 0L10 10L20 0" ${attr}="url({{O}}/pres-${attr}.svg#x)"/></svg><img src="{{O}}/ctl.png">`;

/** Loads the outside attackers found missing: SVG presentation attributes, SMIL, declarative shadow DOM, var() in image-set(). */
export const SVG_SHADOW_LOADS: LoadCase[] = [
  ...['fill', 'stroke', 'mask', 'filter', 'clip-path', 'marker-start', 'marker-mid', 'marker-end'].map(
    (attr): LoadCase => ({
      id: `svg-presentation-${attr}`,
      why: `an SVG presentation attribute is a CSS value: Chromium fetches the document a url() in ${attr} points into`,
      html: presentation(attr),
      loads: [`{{O}}/pres-${attr}.svg`, '{{O}}/ctl.png'],
    }),
  ),
  {
    id: 'svg-presentation-cursor',
    why: 'the SVG cursor attribute with a url() is not fetched by Chromium (the CSS cursor property is: css-cursor-url)',
    html: presentation('cursor'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'css-cursor-url',
    why: 'a cursor image in CSS is fetched',
    html: '<div style="cursor:url({{O}}/cursor-css.png), auto">x</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/cursor-css.png', '{{O}}/ctl.png'],
  },
  {
    id: 'smil-set-href',
    why: 'SMIL <set attributeName=href to> on an SVG image: Chromium fetches the new href',
    html: '<svg width="40" height="20"><image width="10" height="10"><set attributeName="href" to="{{O}}/smil-set.png"/></image></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/smil-set.png', '{{O}}/ctl.png'],
  },
  {
    id: 'smil-animate-href-values',
    why: 'SMIL <animate attributeName=href values>: Chromium fetches each value as the animation reaches it (the second one after half the duration, so only may here)',
    html: '<svg width="40" height="20"><image width="10" height="10"><animate attributeName="href" values="{{O}}/smil-a.png;{{O}}/smil-b.png" dur="1s"/></image></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/smil-a.png', '{{O}}/ctl.png'],
    mayLoad: ['{{O}}/smil-b.png'],
  },
  {
    id: 'declarative-shadow-dom',
    why: '<template shadowrootmode=open> in a div is a shadow root, not an inert template: its img and its style sheet load',
    html: '<div><template shadowrootmode="open"><img src="{{O}}/dsd.png"><style>@import url({{O}}/dsd.css);</style></template></div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/dsd.png', '{{O}}/dsd.css', '{{O}}/ctl.png'],
  },
  {
    id: 'declarative-shadow-dom-two-in-one-host',
    why: 'a second <template shadowrootmode> in the same host: Chromium 150 loads what it holds too',
    html: '<div><template shadowrootmode="open"><img src="{{O}}/dsd-first.png"></template><template shadowrootmode="open"><img src="{{O}}/dsd-second.png"></template></div>',
    loads: ['{{O}}/dsd-first.png', '{{O}}/dsd-second.png'],
  },
  {
    id: 'declarative-shadow-dom-in-a-link',
    why: 'an <a> cannot host a shadow root, yet Chromium 150 loads what the <template shadowrootmode> in it holds',
    html: '<a><template shadowrootmode="closed"><img src="{{O}}/dsd-a.png"></template></a><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/dsd-a.png', '{{O}}/ctl.png'],
  },
  {
    id: 'declarative-shadow-dom-bad-mode-is-inert',
    why: 'a shadowrootmode other than open or closed leaves an ordinary, inert template',
    html: '<div><template shadowrootmode="bogus"><img src="{{O}}/dsd-bogus.png"></template></div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'image-set-var',
    why: 'var() inside image-set(): Chromium fetches the url() and the string the custom properties hold. Known gap: a url() is listed wherever it stands, but a string becomes a URL only once substituted, which the URL finder does not do',
    html: '<div style="--u:url({{O}}/var-u.png); background-image:image-set(var(--u) 1x)">x</div><div style="--s:\'{{O}}/var-s.png\'; background-image:image-set(var(--s) 1x)">y</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/var-u.png', '{{O}}/ctl.png'],
    knownMissed: ['{{O}}/var-s.png'],
  },
];
