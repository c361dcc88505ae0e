/** Declarations of one inline `style` attribute, property names lower-cased, `!important` dropped. */
export function parseStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon <= 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).replace(/!\s*important/i, '').trim().toLowerCase();
    if (prop) out.set(prop, value);
  }
  return out;
}

/** A CSS length in px when it is absolute (`1px`, `1`, `0`, `1pt`), else undefined (%, auto, em). */
export function cssPixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d*\.?\d+)\s*(px|pt)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number.parseFloat(m[1]);
  return m[2]?.toLowerCase() === 'pt' ? (n * 4) / 3 : n;
}

export interface CssUrl {
  url: string;
  /** Offset of the `url(` or `@import` in the CSS text. */
  offset: number;
  kind: 'css-url' | 'css-import' | 'css-font-face';
}

const URL_RE = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)/gi;
const IMPORT_RE = /@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** Every `url()` and `@import` in a CSS text, with the kind of rule it stands in. */
export function cssUrls(css: string): CssUrl[] {
  if (!css.includes('url(') && !css.includes('URL(') && !css.includes('@import')) return [];
  const out: CssUrl[] = [];
  const fontFaces = fontFaceRanges(css);
  for (const m of css.matchAll(URL_RE)) {
    const url = m[1] ?? m[2] ?? m[3] ?? '';
    const offset = m.index ?? 0;
    const before = css.slice(Math.max(0, offset - 40), offset);
    const kind = /@import\s*$/i.test(before) ? 'css-import' : fontFaces.some(([a, b]) => offset > a && offset < b) ? 'css-font-face' : 'css-url';
    out.push({ url, offset, kind });
  }
  for (const m of css.matchAll(IMPORT_RE)) out.push({ url: m[1] ?? m[2] ?? '', offset: m.index ?? 0, kind: 'css-import' });
  return out;
}

function fontFaceRanges(css: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /@font-face\s*\{/gi;
  for (const m of css.matchAll(re)) {
    const start = m.index ?? 0;
    const end = css.indexOf('}', start);
    ranges.push([start, end === -1 ? css.length : end]);
  }
  return ranges;
}
