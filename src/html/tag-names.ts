/**
 * Tag names looked up without slicing a string for each tag: the one table the fast tokenizer
 * (fast-tokenizer.ts) and clean's walker (sax.ts) share. A name not in it is sliced and
 * lower-cased instead, so the table changes speed only, never a name.
 */

/** Names seen in almost every mail (Outlook's `o:` and `v:` ones included), by length. */
export const COMMON_TAGS = byLength([
  'a',
  'b',
  'i',
  'p',
  'u',
  'br',
  'hr',
  'td',
  'th',
  'tr',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'em',
  'img',
  'div',
  'col',
  'sup',
  'sub',
  'span',
  'font',
  'link',
  'meta',
  'body',
  'head',
  'html',
  'center',
  'table',
  'tbody',
  'thead',
  'style',
  'title',
  'strong',
  'o:p',
  'v:rect',
  'v:fill',
  'v:image',
  'v:roundrect',
  'v:textbox',
  'button',
  'section',
  'colgroup',
  'blockquote',
  'picture',
  'source',
  'input',
  'script',
  'article',
  'header',
  'footer',
  'small',
  'label',
  'form',
]);

/**
 * Names bucketed by length and first letter (ASCII case folded by `& 31`: `A` and `a` share a
 * bucket; other first characters may share one with a letter, and the full comparison rejects
 * them). Most attribute names of mail are not wanted (`border`, `align`, `cellpadding`), and a
 * bucket by length alone made each of them compare a character or more against every wanted
 * name of its length; by length and first letter most find no bucket at all. Measured on the
 * bench mbox's 3,181 HTML parts (50 M characters), CPU time, 11 passes of each alternating in
 * one process, load 15-20: the fast tokenizer alone 188 -> 168 ms a pass (median; minimum
 * 170 -> 158), the fast tree 406 -> 387 ms (369 -> 361).
 */
export interface NameTable {
  /** The names, in the order given: a name's index is its place here. */
  readonly names: readonly string[];
  /** Indexes into `names`, by length * 32 + (first character & 31). */
  readonly buckets: ReadonlyArray<readonly number[] | undefined>;
  /** Names of this length or more are in no bucket. */
  readonly limit: number;
}

export function byLength(names: Iterable<string>): NameTable {
  const list = [...names];
  const limit = list.reduce((m, name) => Math.max(m, name.length + 1), 1);
  const buckets: Array<number[] | undefined> = new Array<number[] | undefined>(limit * 32).fill(undefined);
  list.forEach((name, index) => {
    if (name.length === 0) return;
    (buckets[name.length * 32 + (name.charCodeAt(0) & 31)] ??= []).push(index);
  });
  return { names: list, buckets, limit };
}

/** The index in `table.names` of the name that html[start, end) spells in any case, without making a string; else -1. */
export function lookupIndex(html: string, start: number, end: number, table: NameTable): number {
  const length = end - start;
  if (length >= table.limit || length === 0) return -1;
  const candidates = table.buckets[length * 32 + (html.charCodeAt(start) & 31)];
  if (candidates === undefined) return -1;
  outer: for (let n = 0; n < candidates.length; n++) {
    const index = candidates[n];
    const name = table.names[index];
    for (let k = 0; k < length; k++) {
      let c = html.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== name.charCodeAt(k)) continue outer;
    }
    return index;
  }
  return -1;
}

/** The name in `table` that html[start, end) spells in any case, without making a string; else undefined. */
export function lookupName(html: string, start: number, end: number, table: NameTable): string | undefined {
  const index = lookupIndex(html, start, end, table);
  return index < 0 ? undefined : table.names[index];
}
