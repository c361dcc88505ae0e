import type { VisibilityCase } from '../visibility-case.js';

/**
 * Hidden-ness gaps of the README's known gaps (issue 10, the third review's), each checked in
 * Chromium by counting painted pixels; each case failed before its fix, and each has controls
 * Chromium shows. The fixture PNG is 40x20, grey 0x80.
 */
export const REVIEW_P5: VisibilityCase[] = [
  {
    id: 'p5-nested-opacity',
    why: 'group opacities multiply: two boxes at 0.04 (0.0016), three at 0.1 (0.001), 0.5 over 0.003, 0.3 over 0.006, an opacity over a filter:opacity() paint nothing (below 1/510, the 8-bit alpha is 0 whatever the image); 0.5 over 0.5 paints. (0.05 over 0.05, 0.0025, paints nothing of this grey image too, but a black one would show: judged visible, as a single 0.002)',
    html: '<div style="opacity:.04"><img style="opacity:.04" src="{{O}}/n1.png"></div><div style="opacity:.04"><div style="opacity:.04"><img src="{{O}}/n2.png"></div></div><div style="opacity:.1"><div style="opacity:.1"><div style="opacity:.1"><img src="{{O}}/n3.png"></div></div></div><div style="opacity:.04"><img style="filter:opacity(.04)" src="{{O}}/n5.png"></div><div style="opacity:.5"><img style="opacity:.003" src="{{O}}/n6.png"></div><div style="opacity:.042"><img style="opacity:.042" src="{{O}}/n9.png"></div><div style="opacity:.3"><img style="opacity:.006" src="{{O}}/n10.png"></div><style>.o4{opacity:4%}</style><div class="o4"><p class="o4"><img src="{{O}}/n11.png"></p></div><svg width="40" height="20" opacity="0.04"><foreignObject width="40" height="20"><img style="opacity:.04" src="{{O}}/n12.png"></foreignObject></svg><div style="opacity:.5"><img style="opacity:.5" src="{{O}}/n7-ctl.png"></div><div style="opacity:.04"><img src="{{O}}/n13-ctl.png"></div>',
    painted: true,
  },
  {
    id: 'p5-filter-opacity',
    why: 'the opacity() functions of one filter list multiply (opacity(0.5) opacity(0.003) paints nothing), and with an ancestor opacity; opacity(0.004) paints this grey image. (A lone opacity(0.002) or 0.003 paints nothing of this grey image, but a filter multiplies each pixel and a black image would show: judged visible)',
    html: '<img style="filter:opacity(0.5) opacity(0.003)" src="{{O}}/f6.png"><div style="opacity:.5"><img style="filter:opacity(.003)" src="{{O}}/f7.png"></div><div style="filter:opacity(.04)"><img style="filter:opacity(.04)" src="{{O}}/f8.png"></div><img style="filter:opacity(0.004)" src="{{O}}/f3-ctl.png"><img style="filter:opacity(0.5) blur(0px)" src="{{O}}/f4-ctl.png">',
    painted: true,
  },
  {
    id: 'p5-col-collapse',
    why: 'a column of visibility:collapse (a col, a colgroup, a span of 2) takes no width, and Chromium paints nothing of a cell that starts in it (also one that spans on out of it); the other columns, a cell that starts before it and spans into it, and a collapsed row (already judged) are controls; a rowspan moves the cells of the rows below it, as the HTML table model places them',
    html: '<table><col style="visibility:collapse"><col><tr><td><img src="{{O}}/c1.png"></td><td><img src="{{O}}/c2-ctl.png"></td></tr></table><table><colgroup style="visibility:collapse"><col></colgroup><tr><td><img src="{{O}}/c3.png"></td></tr></table><table><tr style="visibility:collapse"><td><img src="{{O}}/c4.png"></td></tr></table><table><col span="2" style="visibility:collapse"><tr><td><img src="{{O}}/c5.png"></td><td><img src="{{O}}/c6.png"></td><td><img src="{{O}}/c7-ctl.png"></td></tr></table><table><col style="visibility:collapse"><tr><td colspan="2"><img src="{{O}}/c8.png"></td></tr></table><table><col><col style="visibility:collapse"><tr><td colspan="2"><img src="{{O}}/c9-ctl.png"></td></tr></table><style>.cc{visibility:collapse}</style><table><colgroup span="2" class="cc"></colgroup><tbody><tr><th><img src="{{O}}/c10.png"></th><td><img src="{{O}}/c11.png"></td><td><img src="{{O}}/c12-ctl.png"></td></tr></tbody></table><table><col><col style="visibility:collapse"><col><tr><td rowspan="2"><img src="{{O}}/c13-ctl.png"></td><td><img src="{{O}}/c14.png"></td><td><img src="{{O}}/c15-ctl.png"></td></tr><tr><td><img src="{{O}}/c16.png"></td><td><img src="{{O}}/c17-ctl.png"></td></tr></table>',
    painted: true,
  },
];
