import type { AddressFinder } from '../url/address-leak.js';

export const ADDRESS_MASK = '[address]';

/**
 * A string seen through one more round of percent-decoding, with, for each of its characters,
 * the span of the original string it stands for. Matching on these views and masking the
 * original span is what makes `reader%2Btag@example.org`, `reader%40example.org%2C...` and a
 * double-encoded `%2540` masked: replacing the detector's exact text missed every mixed form.
 */
interface View {
  text: string;
  /** Original start of each character; absent for the original string itself. */
  start?: number[];
  /** Original end (exclusive) of each character. */
  end?: number[];
}

// Double encoding is common (a redirect inside a redirect); a few more rounds cost nothing.
const MAX_ROUNDS = 4;
const HEX_RUN = /[0-9a-f]{32}/i;

/**
 * Replaces every form of the recipient addresses the detector knows (plain in any case, base64,
 * base64url, the hex hashes in any case), found as written or under any mix of percent-encoding
 * rounds, with `[address]`. Stricter than detection on purpose: a form inside a longer run is
 * masked too, since masking a little more never leaks.
 */
export function maskAddresses(text: string, finder: AddressFinder): string {
  if (finder.empty || text.length < 5) return text;
  const spans: Array<[number, number]> = [];
  for (const view of viewsOf(text)) findForms(view, finder, spans);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue; // inside the span masked before
    // A span that overlaps the one before extends its mask; one after it gets its own.
    if (start >= from) out += text.slice(from, start) + ADDRESS_MASK;
    from = end;
  }
  return out + text.slice(from);
}

function findForms(view: View, finder: AddressFinder, spans: Array<[number, number]>): void {
  const maybePlain = view.text.includes('@');
  const maybeHash = HEX_RUN.test(view.text);
  let lowered: string | undefined;
  for (const form of finder.forms) {
    if (form.caseless && !(form.encoding === 'plain' ? maybePlain : maybeHash)) continue;
    const hay = form.caseless ? (lowered ??= lowerSameLength(view.text)) : view.text;
    for (let i = hay.indexOf(form.text); i !== -1; i = hay.indexOf(form.text, i + 1)) {
      const last = i + form.text.length - 1;
      spans.push([view.start ? view.start[i] : i, view.end ? view.end[last] : last + 1]);
    }
  }
}

/** Lower case without changing positions (a few non-ASCII letters grow when lower-cased). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

function viewsOf(text: string): View[] {
  const views: View[] = [{ text }];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const last = views[views.length - 1];
    if (!last.text.includes('%')) break;
    const next = decodeOnce(last);
    if (!next) break;
    views.push(next);
  }
  return views;
}

/** One round of percent-decoding (UTF-8 sequences as one character); invalid escapes stay as written. */
function decodeOnce(view: View): View | undefined {
  const { text } = view;
  const startOf = (i: number): number => (view.start ? view.start[i] : i);
  const endOf = (i: number): number => (view.end ? view.end[i] : i + 1);
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let decoded = false;
  const emit = (chars: string, from: number, to: number): void => {
    out += chars;
    for (let k = 0; k < chars.length; k++) {
      start.push(startOf(from));
      end.push(endOf(to));
    }
  };
  let i = 0;
  while (i < text.length) {
    const b = byteAt(text, i);
    if (b === -1) {
      emit(text[i], i, i);
      i++;
      continue;
    }
    if (b < 0x80) {
      emit(String.fromCharCode(b), i, i + 2);
      decoded = true;
      i += 3;
      continue;
    }
    const seq = utf8At(text, i, b);
    if (seq) {
      emit(seq.chars, i, i + seq.length - 1);
      decoded = true;
      i += seq.length;
    } else {
      emit('%', i, i);
      i++;
    }
  }
  return decoded ? { text: out, start, end } : undefined;
}

/** The byte of a `%XX` escape at i, or -1. */
function byteAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37 || i + 2 >= text.length) return -1;
  const h = hexValue(text.charCodeAt(i + 1));
  const l = hexValue(text.charCodeAt(i + 2));
  return h === -1 || l === -1 ? -1 : h * 16 + l;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** A UTF-8 sequence written as escapes from i (lead byte b): its characters and its length in the text. */
function utf8At(text: string, i: number, b: number): { chars: string; length: number } | undefined {
  const extra = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
  if (extra === 0 || b > 0xf4) return undefined;
  let cp = b & (0x3f >> extra);
  for (let k = 1; k <= extra; k++) {
    const c = byteAt(text, i + 3 * k);
    if (c < 0x80 || c > 0xbf) return undefined;
    cp = cp * 64 + (c & 0x3f);
  }
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < [0, 0x80, 0x800, 0x10000][extra]) return undefined;
  return { chars: String.fromCodePoint(cp), length: 3 * (extra + 1) };
}
