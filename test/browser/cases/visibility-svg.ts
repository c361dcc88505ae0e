import type { VisibilityCase } from '../visibility-case.js';

// An HTML image in SVG, in a foreignObject that would show it (the oracle reads HTML images).
const FO = (path: string) => `<foreignObject width="40" height="20"><img src="{{O}}/${path}.png"></foreignObject>`;

/**
 * What SVG does not draw (issue 10's remaining gaps; src/html/svg-hidden.ts): the content of its
 * containers that are drawn only by reference or never, text and switch children, and what an
 * svg or foreignObject clips. Each has a control that Chromium shows. The fixture PNG is 40x20.
 */
export const SVG_CONTAINERS: VisibilityCase[] = [
  {
    id: 'svg-containers-not-drawn',
    why: 'the content of defs, symbol (a <use> of it copies no HTML), mask, clipPath, pattern, marker, a gradient, filter, metadata, an unknown element, a shape, a foreignObject in text, a switch child after the first, and an img in SVG title or desc (HTML integration points) is not drawn; g, a, a nested svg and the first switch child draw theirs',
    html: `<svg width="600" height="400"><defs>${FO('g-defs')}</defs><symbol id="s">${FO('g-symbol-used')}</symbol><use href="#s"/><symbol>${FO('g-symbol')}</symbol><mask id="m">${FO('g-mask')}</mask><clipPath>${FO('g-clip')}</clipPath><pattern>${FO('g-pattern')}</pattern><marker>${FO('g-marker')}</marker><linearGradient>${FO('g-gradient')}</linearGradient><filter>${FO('g-filter')}</filter><metadata>${FO('g-metadata')}</metadata><foo>${FO('g-unknown')}</foo><rect>${FO('g-rect')}</rect><text>${FO('g-text')}</text><title><img src="{{O}}/g-title.png"></title><desc><img src="{{O}}/g-desc.png"></desc><switch>${FO('g-switch-first-ctl')}${FO('g-switch-second')}</switch><g>${FO('g-g-ctl')}</g><a>${FO('g-a-ctl')}</a><svg>${FO('g-nested-ctl')}</svg></svg>`,
    painted: true,
  },
  {
    id: 'svg-clipping-boxes',
    why: 'a foreignObject without a width or height is 0 px on that side and clips (overflow:visible undoes it); an svg of width or height 0 hides what it holds, one of 1 px shows a strip (tiny); display:none on an svg hides',
    html: `<svg width="600" height="400"><foreignObject><img src="{{O}}/g-fo-nosize.png"></foreignObject><foreignObject width="40"><img src="{{O}}/g-fo-noheight.png"></foreignObject><foreignObject style="overflow:visible"><img src="{{O}}/g-fo-visible-ctl.png"></foreignObject><foreignObject width="40" height="0"><img src="{{O}}/g-fo-zero.png"></foreignObject></svg><svg width="0" height="0">${FO('g-svg-zero')}</svg><svg width="1" height="1">${FO('g-svg-one')}</svg><svg style="display:none">${FO('g-svg-none')}</svg><svg width="40" height="20">${FO('g-svg-sized-ctl')}</svg>`,
    painted: true,
  },
];
