import type { LoadCase } from '../load-case.js';

const csp = (policy: string): string => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

/**
 * A `<meta http-equiv=Content-Security-Policy>` in the message. Chromium 150 enforces one in the
 * head on what follows it, and ignores one in the body and a `-Report-Only` one. Webmail drops a
 * message's `<meta>` and most mail clients ignore its policy, so a sender must not be able to make
 * a pixel "not loaded" by a policy: pixelaudit keeps listing what the policy blocks, as may-loads
 * (`listedMay`) that explain marks, and Chromium's real behaviour is recorded here (`mayLoad`:
 * Chromium does not request them). src/html/extraction-sink.ts (`metaCsp`).
 */
export const META_CSP: LoadCase[] = [
  {
    id: 'csp-meta-head-blocks-later-loads',
    why: "a head meta policy of img-src 'none' makes Chromium request neither the img nor the CSS background after it",
    html: `<head><link rel=stylesheet href="{{O}}/csp-ctl.css">${csp("img-src 'none'")}</head><body><img src="{{O}}/csp-img.png"><div style="background:url({{O}}/csp-bg.png)">x</div></body>`,
    loads: ['{{O}}/csp-ctl.css'],
    listedMust: ['{{O}}/csp-ctl.css'],
    mayLoad: ['{{O}}/csp-img.png', '{{O}}/csp-bg.png'],
    listedMay: ['{{O}}/csp-img.png', '{{O}}/csp-bg.png'],
  },
  {
    id: 'csp-meta-implied-head',
    why: 'a <meta> before any body content is in the implied head: its policy holds',
    html: `<link rel=stylesheet href="{{O}}/csp-ctl.css">${csp("img-src 'none'")}<img src="{{O}}/csp-implied.png">`,
    loads: ['{{O}}/csp-ctl.css'],
    listedMust: ['{{O}}/csp-ctl.css'],
    mayLoad: ['{{O}}/csp-implied.png'],
    listedMay: ['{{O}}/csp-implied.png'],
  },
  {
    id: 'csp-meta-allows-one-origin',
    why: 'img-src naming the second server: Chromium loads its image and blocks the first one; pixelaudit lists both as may-loads (the policy is not evaluated)',
    html: `<head>${csp('img-src {{O2}}')}</head><body><img src="{{O}}/csp-other.png"><img src="{{O2}}/csp-allowed.png"></body>`,
    loads: ['{{O2}}/csp-allowed.png'],
    mayLoad: ['{{O}}/csp-other.png'],
    listedMay: ['{{O}}/csp-other.png', '{{O2}}/csp-allowed.png'],
  },
  {
    id: 'csp-meta-default-none-blocks-every-kind',
    why: "default-src 'none' in the head: Chromium requests no sheet, @import, image, frame or poster",
    html: `<head><link rel=stylesheet href="{{O}}/csp-ctl.css">${csp("default-src 'none'")}<style>@import url({{O}}/csp-import.css);</style><link rel=stylesheet href="{{O}}/csp-link.css"></head><body><img src="{{O}}/csp-d-img.png"><iframe src="{{O}}/csp-frame.html"></iframe><video poster="{{O}}/csp-poster.png"></video></body>`,
    loads: ['{{O}}/csp-ctl.css'],
    listedMust: ['{{O}}/csp-ctl.css'],
    mayLoad: ['{{O}}/csp-import.css', '{{O}}/csp-link.css', '{{O}}/csp-d-img.png', '{{O}}/csp-frame.html', '{{O}}/csp-poster.png'],
    listedMay: ['{{O}}/csp-import.css', '{{O}}/csp-link.css', '{{O}}/csp-d-img.png', '{{O}}/csp-frame.html', '{{O}}/csp-poster.png'],
  },
  {
    id: 'csp-meta-in-body-ignored',
    why: 'a policy <meta> in the body is no pragma (the HTML standard, Chromium 150): the image loads, and stays a must-load',
    html: `<body><p>x</p>${csp("img-src 'none'")}<img src="{{O}}/csp-body.png"></body>`,
    loads: ['{{O}}/csp-body.png'],
    listedMust: ['{{O}}/csp-body.png'],
  },
  {
    id: 'csp-meta-report-only-ignored',
    why: 'Content-Security-Policy-Report-Only cannot be set by a <meta>: the image loads',
    html: `<head><meta http-equiv="Content-Security-Policy-Report-Only" content="img-src 'none'"></head><img src="{{O}}/csp-ro.png">`,
    loads: ['{{O}}/csp-ro.png'],
    listedMust: ['{{O}}/csp-ro.png'],
  },
];
