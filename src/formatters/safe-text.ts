/**
 * Text from a message (a subject, a From, a URL) and from file names goes to terminals, and a
 * terminal obeys what it reads: an ESC sequence can retitle the window, rewrite earlier lines or
 * hide text, and the bidi controls reorder what is shown (a URL that reads as another). These
 * characters are shown as visible escapes in text output, and as `\uXXXX` in JSON.
 */

// C0 controls, DEL, C1 controls, and the bidi controls: embeddings and overrides
// (U+202A-202E), isolates (U+2066-2069), the marks LRM, RLM and ALM. Also the invisible format
// characters that hide inside a word on screen (soft hyphen, zero-width space and joiners, word
// joiner and invisible operators, BOM, line and paragraph separators, tag characters):
// `r\u200beader@example.org` must not look like an address that was not masked.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c]|\udb40[\udc00-\udc7f]/g;
// What JSON.stringify leaves raw but a terminal or a JavaScript reader trips on.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).padStart(width, '0');

/** `\x1b` for a control character, `\u202e` for a bidi control; every other character as is. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const cp = c.codePointAt(0) as number;
    return cp < 0x100 ? `\\x${hex(c, 2)}` : cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${hex(c, 4)}`;
  });
}

/** `visible` line by line: for text that is meant to hold line breaks (a usage error's lines). */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/** `visible` over every string of plain data (a summary, an explanation), before it is laid out. */
export function visibleDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return visible(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  }
  return value;
}

/**
 * JSON.stringify, with the characters above escaped as `\uXXXX`: still valid JSON with the
 * same value once parsed. These characters can only stand inside strings, where an escape
 * means the same character, so replacing them in the finished text is safe.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${hex(c, 4)}`);
}
