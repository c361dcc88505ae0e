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
  return visible(String(text ?? '')).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * JSON for a `<script type="application/json">` block. The HTML tokenizer ends a script at
 * `</script` and enters an escaped state at `<!--`, whatever JSON means; with every `<`, `>`
 * and `&` as a `\u` escape neither can appear, and JSON.parse reads the same value back.
 */
export function scriptJson(value: unknown): string {
  return safeJson(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Cuts a label to `max` characters (whole code points, never half a surrogate pair) before it is escaped. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
