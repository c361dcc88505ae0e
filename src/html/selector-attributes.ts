import { TextKeyedCache } from './text-keyed-cache.js';

/**
 * The attribute names a document's selectors may test (`img[alt=x]`, `[data-hide]`), beyond
 * those the extraction reads: the fast tree keeps only the attributes it is asked for, and a
 * `<style>` rule on any other would not match there while it matches in parse5's tree. Read from
 * the raw HTML before the tree exists, as every `[` followed by a name (a superset: text and
 * attribute values with a `[` add names that are merely kept). Linear: one pass, no backtracking.
 */
export function selectorAttributeNames(html: string, known: ReadonlySet<string>): ReadonlySet<string> {
  let at = html.indexOf('[');
  if (at === -1) return known;
  const extra: string[] = [];
  while (at !== -1) {
    let i = at + 1;
    while (i < html.length && isBlank(html.charCodeAt(i))) i++;
    // A namespace prefix (`[*|x]`, `[|x]`): the name follows the bar.
    if (html.charCodeAt(i) === 0x2a /* * */ && html.charCodeAt(i + 1) === 0x7c) i += 2;
    else if (html.charCodeAt(i) === 0x7c /* | */) i++;
    const start = i;
    while (i < html.length && isNameChar(html.charCodeAt(i)) && i - start < MAX_NAME) i++;
    let after = i;
    while (after < html.length && isBlank(html.charCodeAt(after))) after++;
    // A selector's name is followed by `]` or an operator (`=`, `~=`, `|=`, `^=`, `$=`, `*=`):
    // `[if mso]` is not one; `[endif]` of every conditional comment is left out by name.
    if (i > start && ENDS.has(html.charCodeAt(after))) {
      const name = html.slice(start, i).toLowerCase();
      if (name !== 'endif' && !known.has(name) && !extra.includes(name)) {
        extra.push(name);
        if (extra.length >= MAX_EXTRA) break;
      }
    }
    at = html.indexOf('[', i);
  }
  if (extra.length === 0) return known;
  // The same template's names come back message after message: one set per distinct list.
  // Built from the kept copy of the key (names hold no blank): a name sliced from the message would keep all of its HTML alive.
  return UNIONS.get(extra.sort().join(' '), (key) => new Set([...known, ...key.split(' ')]));
}

// `]`, `=`, `~`, `|`, `^`, `$`, `*`.
const ENDS = new Set([0x5d, 0x3d, 0x7e, 0x7c, 0x5e, 0x24, 0x2a]);

// Beyond these an attacker only makes the fast tree keep more: selectors past them still parse.
const MAX_EXTRA = 256;
const MAX_NAME = 64;
const UNIONS = new TextKeyedCache<ReadonlySet<string>>({ maxChars: 200 * MAX_EXTRA * (MAX_NAME + 1), maxEntries: 200 });
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x3a || c >= 0x80;
