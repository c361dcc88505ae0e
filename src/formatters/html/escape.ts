import { safeJson, visible } from '../safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The one escaping function of the HTML report, for text and for (always quoted) attribute
 * values alike: every string from a message goes through it. Controls and bidi controls become
 * visible escapes first (`visible`, as in the terminal), so a subject cannot reorder the page
 * or hide part of an address; then the five characters that can end text or an attribute
 * become references. In SVG (foreign content) the same references hold.
 */
export function esc(text: string | number | null | undefined): string {
  return capText(visible(String(text ?? ''))).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Characters of one string shown in the page. Nothing else bounds what a message puts in a
 * subject or a From: 20 messages with 200 KB subjects made a 17 MB page (each string is written
 * several times: cell, sort key, filter text). The JSON and JSONL outputs keep strings whole.
 */
export const DISPLAY_CAP = 500;

/** `text` cut to `max` code points (never half a surrogate pair), saying how much was left out. */
export function capText(text: string, max = DISPLAY_CAP): string {
  // UTF-16 length bounds the code points from above: the common short string costs one comparison.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}… (${(chars.length - max).toLocaleString('en')} more characters)`;
}

/** Every string of plain data capped as the page shows it, for the page's JSON block. */
export function capDeep<T>(value: T): T {
  if (typeof value === 'string') return capText(value) as T;
  if (Array.isArray(value)) return value.map(capDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capDeep(v)])) as T;
  return value;
}

/**
 * JSON for a `<script type="application/json">` block. The HTML tokenizer ends a script at
 * `</script` and enters an escaped state at `<!--`, whatever JSON means; with every `<`, `>`
 * and `&` as a `\u` escape neither can appear, and JSON.parse reads the same value back.
 */
export function scriptJson(value: unknown): string {
  return safeJson(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
