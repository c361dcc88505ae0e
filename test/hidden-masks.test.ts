import { describe, expect, it } from 'vitest';
import { maskBoxImageHides, maskHides } from '../src/html/css-mask.js';
import { verdicts } from './image-verdicts.js';

// Unit cases beside the browser oracle's test/browser/cases/visibility-masks.ts: each verdict
// was first read off Chromium 150's painted pixels there.
const O = 'https://t.example';

describe('masks that let nothing through', () => {
  it.each([
    'linear-gradient(transparent,transparent)',
    'linear-gradient(to right, rgba(0,0,0,0), rgba(255,0,0,0) 50%)',
    'radial-gradient(circle at 10% 10%, transparent, hsl(0 0% 0% / 0))',
    'conic-gradient(from 10deg, transparent 0deg, transparent 90deg)',
    'repeating-linear-gradient(45deg, transparent 0 2px, #00000000 2px 4px)',
    'linear-gradient(color-mix(in srgb, transparent, transparent 40%), transparent)',
    'linear-gradient(transparent)',
    '-webkit-linear-gradient(top, transparent, transparent)',
    'linear-gradient(transparent, 10%, transparent)',
    'linear-gradient(transparent,transparent), linear-gradient(in oklab 90deg, transparent, transparent 10%, transparent)',
    'image(transparent)',
    'linear-gradient(transparent,transparent), none',
    '-webkit-gradient(linear, left top, left bottom, from(transparent), to(transparent), color-stop(50%, #0000))',
  ])('mask-image:%s hides', (value) => expect(maskHides(value)).toBe(true));
  it.each([
    'none',
    'none, none',
    'linear-gradient(transparent, black)',
    'linear-gradient(transparent,transparent), linear-gradient(red,red)',
    'linear-gradient(rgba(0,0,0,0.2), transparent)',
    'linear-gradient(currentcolor, currentcolor)',
    'url(https://t.example/m.png)',
    'image-set("m.png" 1x)',
    // Dropped by the parser: no mask at all.
    'linear-gradient(bogus, transparent, transparent)',
    'radial-gradient(bogus, transparent, transparent)',
    'linear-gradient(to top left right, transparent, transparent)',
    'linear-gradient(transparent 0, transparent 1)',
    'linear-gradient(transparent, , transparent)',
    'linear-gradient(transparent, 10%)',
    'conic-gradient(transparent 0deg, transparent 10px)',
  ])('mask-image:%s shows something, or is no mask', (value) => expect(maskHides(value)).toBe(false));
  it('-webkit-mask-box-image reads its image', () => {
    expect(maskBoxImageHides('linear-gradient(transparent,transparent) 30 stretch')).toBe(true);
    expect(maskBoxImageHides('linear-gradient(black,transparent)')).toBe(false);
  });
  it('inline, from a rule, the shorthands and the -webkit- forms, on an ancestor; a later longhand undoes a shorthand, display:contents masks nothing', () => {
    expect(
      verdicts(
        `<style>.mk{-webkit-mask-image:linear-gradient(#0000,#0000)}</style><img style="mask-image:linear-gradient(transparent,transparent)" src="${O}/inline"><p class="mk"><img src="${O}/rule"></p>` +
          `<img style="mask:radial-gradient(transparent,transparent) center / 10px no-repeat" src="${O}/shorthand"><img style="-webkit-mask:linear-gradient(transparent,transparent)" src="${O}/webkit-shorthand">` +
          `<span style="mask-image:linear-gradient(transparent,transparent)"><img src="${O}/span"></span><img style="mask:linear-gradient(transparent,transparent);mask-image:none" src="${O}/undone">` +
          `<img style="mask-image:none;mask:linear-gradient(transparent,transparent)" src="${O}/redone"><div style="display:contents;mask-image:linear-gradient(transparent,transparent)"><img src="${O}/contents"></div>` +
          `<style>.v{--m:transparent}</style><img class="v" style="mask:linear-gradient(var(--m),var(--m))" src="${O}/var"><img style="mask:url(${O}/m.svg) linear-gradient(transparent,transparent)" src="${O}/two-images">`,
      ),
    ).toEqual({
      inline: 'opacity-zero',
      rule: 'opacity-zero',
      shorthand: 'opacity-zero',
      'webkit-shorthand': 'opacity-zero',
      span: 'opacity-zero',
      undone: undefined,
      redone: 'opacity-zero',
      contents: undefined,
      var: 'opacity-zero',
      'two-images': undefined,
    });
  });
});
