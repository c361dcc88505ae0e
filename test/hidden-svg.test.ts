import { describe, expect, it } from 'vitest';
import { extractResources } from '../src/html/extract-resources.js';
import { verdicts as imageVerdicts } from './image-verdicts.js';

// Unit cases beside the browser oracle's test/browser/cases/visibility-svg.ts (HTML images in a
// foreignObject, read off Chromium 150's painted pixels there); SVG <image>s follow the same rules.
const O = 'https://t.example';

const verdicts = (html: string) => imageVerdicts(html, ['img', 'svg-image']);
const fo = (path: string) => `<foreignObject width="40" height="20"><img src="${O}/${path}"></foreignObject>`;

describe('what SVG does not draw', () => {
  it('containers drawn never or only by reference hide their content; g, a, svg and the first switch child draw it', () => {
    expect(
      verdicts(
        `<svg width="600" height="400"><defs>${fo('defs')}</defs><mask>${fo('mask')}</mask><clipPath><image href="${O}/clip-image"/></clipPath><metadata>${fo('metadata')}</metadata><foo>${fo('unknown')}</foo><text>${fo('text')}</text>` +
          `<title><img src="${O}/title"></title><switch>${fo('switch-first')}${fo('switch-second')}</switch><switch><g systemLanguage="fr">${fo('switch-fr')}</g>${fo('switch-fallback')}</switch><g>${fo('g')}</g><a>${fo('a')}</a><svg>${fo('nested')}</svg></svg>`,
      ),
    ).toEqual({
      defs: 'not-rendered',
      mask: 'not-rendered',
      'clip-image': 'not-rendered',
      metadata: 'not-rendered',
      unknown: 'not-rendered',
      text: 'not-rendered',
      title: 'not-rendered',
      'switch-first': undefined,
      'switch-second': 'not-rendered',
      'switch-fr': undefined,
      'switch-fallback': undefined,
      g: undefined,
      a: undefined,
      nested: undefined,
    });
  });
  it('an SVG image in defs or symbol is hidden unless the document may refer to it (a <use>, a url(#...)); HTML in them is hidden whatever refers to it', () => {
    expect(verdicts(`<svg><defs><image href="${O}/defs-image" width="600" height="400"/></defs><symbol id="s"><image href="${O}/symbol-image" width="600" height="400"/></symbol></svg>`)).toEqual({
      'defs-image': 'not-rendered',
      'symbol-image': 'not-rendered',
    });
    expect(verdicts(`<svg><symbol id="s"><image href="${O}/used" width="600" height="400"/>${fo('used-html')}</symbol><use href="#s"/></svg>`)).toEqual({ used: undefined, 'used-html': 'not-rendered' });
    expect(verdicts(`<svg><pattern id="p"><image href="${O}/pattern" width="600" height="400"/></pattern><rect fill="url(#p)" width="600" height="400"/></svg>`)).toEqual({ pattern: undefined });
  });
  it("an animation of an image's href is judged as the image it changes, not as the content of one", () => {
    const html = `<svg><image href="${O}/shown" width="600" height="400"><set attributeName="href" to="${O}/set-to"/></image><defs><image href="${O}/kept" width="600" height="400"><animate attributeName="href" values="${O}/animated"/></image></defs></svg>`;
    const hidden = Object.fromEntries(extractResources(html).resources.map((r) => [new URL(r.url).pathname.slice(1), r.hiddenBy]));
    expect(hidden).toEqual({ shown: undefined, 'set-to': undefined, kept: 'not-rendered', animated: 'not-rendered' });
  });
  it('a foreignObject without a size, or an svg of 0, clips what it holds; 1 px is a strip; overflow:visible undoes it', () => {
    expect(
      verdicts(
        `<svg width="600" height="400"><foreignObject><img src="${O}/fo-nosize"></foreignObject><foreignObject width="40"><img src="${O}/fo-noheight"></foreignObject><foreignObject style="overflow:visible"><img src="${O}/fo-visible"></foreignObject><foreignObject style="width:40px;height:20px"><img src="${O}/fo-css"></foreignObject></svg>` +
          `<svg width="0" height="0">${fo('svg-zero')}</svg><svg width="1" height="1">${fo('svg-one')}</svg><svg width="40" height="20">${fo('svg-sized')}</svg><svg width="100%">${fo('svg-percent')}</svg>`,
      ),
    ).toEqual({ 'fo-nosize': 'zero-height-wrapper', 'fo-noheight': 'zero-height-wrapper', 'fo-visible': undefined, 'fo-css': undefined, 'svg-zero': 'zero-height-wrapper', 'svg-one': 'tiny', 'svg-sized': undefined, 'svg-percent': undefined });
  });
});
