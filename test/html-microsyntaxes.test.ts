import { describe, expect, it } from 'vitest';
import { outlookContent, outlookRenders } from '../src/html/conditional-comment.js';
import { parseDimension } from '../src/html/dimension.js';
import { refreshUrl } from '../src/html/meta-refresh.js';
import { parseSrcset } from '../src/html/srcset.js';
import { frozenBaseUrl, resolveUrl } from '../src/url/remote-url.js';

const srcset = (s: string) => parseSrcset(s).candidates.map((c) => [c.url, c.width ?? c.density ?? null]);

describe('parse a srcset attribute (HTML §4.8.4.3.10)', () => {
  // The standard's own examples (§4.8.4.2), then its parse errors.
  it.each([
    [
      'images/sf.jpg 1x, images/sf-2x.jpg 2x',
      [
        ['images/sf.jpg', 1],
        ['images/sf-2x.jpg', 2],
      ],
    ],
    [
      '/uploads/100-marie-lloyd.jpg 100w, /uploads/150-marie-lloyd.jpg 150w',
      [
        ['/uploads/100-marie-lloyd.jpg', 100],
        ['/uploads/150-marie-lloyd.jpg', 150],
      ],
    ],
    [
      'pic1.jpg 1x, pic1_2x.jpg 2x',
      [
        ['pic1.jpg', 1],
        ['pic1_2x.jpg', 2],
      ],
    ],
    ['a.png', [['a.png', null]]],
    ['a.png 1.5x', [['a.png', 1.5]]],
    [
      'a.png .5x, b.png 1e1x, c.png 0x',
      [
        ['a.png', 0.5],
        ['b.png', 10],
        ['c.png', 0],
      ],
    ],
    ['a.png,b.png', [['a.png,b.png', null]]],
    [
      'a.png, b.png',
      [
        ['a.png', null],
        ['b.png', null],
      ],
    ],
    [
      'a.png 1x,b.png 2x',
      [
        ['a.png', 1],
        ['b.png', 2],
      ],
    ],
    [',,, a.png', [['a.png', null]]],
    [
      'a.png,,, b.png',
      [
        ['a.png', null],
        ['b.png', null],
      ],
    ],
    [
      'data:image/png;base64,iVBOR 1x, b.png 2x',
      [
        ['data:image/png;base64,iVBOR', 1],
        ['b.png', 2],
      ],
    ],
    ['a.png 100w 50h', [['a.png', 100]]],
  ])('%s', (input, expected) => expect(srcset(input)).toEqual(expected));

  it.each([
    ['a.png 1x 2x', 'two densities'],
    ['a.png 100w 1x', 'a width and a density'],
    ['a.png 0w', 'a zero width'],
    ['a.png -1x', 'a negative density'],
    ['a.png 1.x', 'a number the grammar refuses'],
    ['a.png +1x', 'a plus sign'],
    ['a.png 10h', 'h without w'],
    ['a.png 1q', 'an unknown descriptor'],
    ['a.png (1x)', 'a parenthesised descriptor'],
  ])('%s drops the candidate (%s)', (input) => {
    const r = parseSrcset(input);
    expect(r.candidates).toEqual([]);
    expect(r.dropped.map((d) => d.url)).toEqual(['a.png']);
  });

  it('keeps each candidate offset in the attribute', () => {
    expect(parseSrcset('  a.png 1x,\n b.png').candidates.map((c) => c.offset)).toEqual([2, 13]);
  });

  it('is linear: 200,000 candidates and a 1 MB descriptor', () => {
    expect(parseSrcset('a 1x,'.repeat(200_000)).candidates).toHaveLength(200_000);
    expect(parseSrcset(`a ${'('.repeat(1_000_000)}`).dropped).toHaveLength(1);
  });
});

describe('rules for parsing dimension values (HTML §2.3.4.6)', () => {
  it.each([
    ['1', { value: 1, unit: 'px' }],
    ['  12px', { value: 12, unit: 'px' }],
    ['1abc', { value: 1, unit: 'px' }],
    ['2.5', { value: 2.5, unit: 'px' }],
    ['2.', { value: 2, unit: 'px' }],
    ['50%', { value: 50, unit: '%' }],
    ['50.5%', { value: 50.5, unit: '%' }],
    ['0', { value: 0, unit: 'px' }],
    ['', undefined],
    ['px', undefined],
    ['-1', undefined],
    ['+1', undefined],
    ['.5', undefined],
  ])('%j', (input, expected) => expect(parseDimension(input)).toEqual(expected));
});

describe('meta refresh content (HTML §4.2.5.3)', () => {
  it.each([
    ['0;url=https://a.example/x', 'https://a.example/x'],
    ['5; URL=https://a.example/x', 'https://a.example/x'],
    ['5 ;  url = "https://a.example/x" trailing', 'https://a.example/x'],
    ["0, url='https://a.example/x'", 'https://a.example/x'],
    ['0; https://a.example/x', 'https://a.example/x'],
    ['0;urn:x', 'urn:x'],
    ['0;ur', 'ur'],
    ['.5;url=x', 'x'],
    ['0', undefined],
    ['x;url=https://a.example/', undefined],
    ['0x;url=https://a.example/', undefined],
  ])('%j', (input, url) => expect(refreshUrl(input)?.url).toBe(url));
});

describe('Outlook conditional comments', () => {
  it.each([
    ['mso', true],
    ['gte mso 9', true],
    ['gt mso 16', false],
    ['lt mso 9', false],
    ['!mso', false],
    ['(gte mso 9)|(IE)', true],
    ['mso & !IE', true],
    ['!IE', true],
    ['gte vml 1', true],
    ['IE', true],
    ['gte IE 9', false],
    ['!(mso)', false],
    ['((mso', true],
  ])('[if %s] is rendered by some Outlook: %s', (condition, expected) => expect(outlookRenders(condition)).toBe(expected));

  it('finds the content between `]>` and the last `<![endif]`', () => {
    const data = '[if mso]><img src=x><![endif]';
    const c = outlookContent(data);
    expect(c && data.slice(c.start, c.end)).toBe('<img src=x>');
    expect(outlookContent('[if !mso]><!')).toBeUndefined();
    expect(outlookContent('<![endif]')).toBeUndefined();
    expect(outlookContent(' [IF MSO]> <b>x</b> <![ENDIF] ')).toEqual({ start: 10, end: 20 });
  });
});

describe('URLs', () => {
  it('a base href parses against the fallback, else stays the fallback', () => {
    expect(frozenBaseUrl('https://a.example/m/', undefined)).toBe('https://a.example/m/');
    expect(frozenBaseUrl('/rel/', undefined)).toBeUndefined();
    expect(frozenBaseUrl('sub/', 'https://a.example/m/')).toBe('https://a.example/m/sub/');
    // Failure, data: and javascript: freeze the fallback base: undefined, the caller keeps it.
    expect(frozenBaseUrl('http://[x]/', 'https://a.example/')).toBeUndefined();
    expect(frozenBaseUrl('javascript:0//', undefined)).toBeUndefined();
    expect(frozenBaseUrl('data:,x', undefined)).toBeUndefined();
  });

  it('credentials are kept and flagged (Chromium blocks such a subresource)', () => {
    expect(resolveUrl('https://u:p@a.example/', undefined)).toEqual({ url: 'https://u:p@a.example/', credentials: true });
    expect(resolveUrl('https://a.example/', undefined)).toEqual({ url: 'https://a.example/', credentials: false });
  });
});
