import { visible } from '../safe-text.js';

/**
 * Width of a code point in em, as an upper estimate for the system sans-serif fonts the page
 * uses (DejaVu Sans, the widest of them, where Chromium on Debian draws it): `W` and `M` near
 * 1 em, capitals ~0.75, lowercase ~0.62, East Asian wide characters and emoji 1 em. An estimate
 * that errs wide cuts a label a little early; one that errs narrow lets it run past the SVG's
 * left edge, which is what a count of characters did (34 `W`s are 400 px in 230).
 */
function emWidth(cp: number): number {
  if (
    cp >= 0x1100 &&
    (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f000)
  )
    return 1.05;
  const c = String.fromCodePoint(cp);
  if (/[ilj.,:;'!|I\u0020]/.test(c)) return 0.34;
  if (/[WMmw@%]/.test(c)) return 1.0;
  if (/[A-Z]/.test(c)) return 0.78;
  if (/[a-z0-9]/.test(c)) return 0.64;
  return 0.8;
}

/** Estimated width in SVG units of `text` drawn at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += emWidth(ch.codePointAt(0) as number);
  return em * fontSize;
}

/**
 * The label as drawn: controls made visible (as `esc` does), then cut with an ellipsis to fit
 * `width` units at `fontSize`. The caller keeps the full text for the `<title>` and the table.
 */
export function fitText(text: string, width: number, fontSize: number): string {
  const shown = visible(text);
  if (textWidth(shown, fontSize) <= width) return shown;
  const budget = width - textWidth('…', fontSize);
  let used = 0;
  let out = '';
  for (const ch of shown) {
    used += emWidth(ch.codePointAt(0) as number) * fontSize;
    if (used > budget) break;
    out += ch;
  }
  return `${out}…`;
}
