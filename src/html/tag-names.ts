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

export function byLength(names: Iterable<string>): Map<number, string[]> {
  const table = new Map<number, string[]>();
  for (const name of names) {
    const list = table.get(name.length);
    if (list) list.push(name);
    else table.set(name.length, [name]);
  }
  return table;
}

/** The name in `table` that html[start, end) spells in any case, without making a string; else undefined. */
export function lookupName(html: string, start: number, end: number, table: Map<number, string[]>): string | undefined {
  const candidates = table.get(end - start);
  if (!candidates) return undefined;
  outer: for (const name of candidates) {
    for (let k = 0; k < name.length; k++) {
      let c = html.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== name.charCodeAt(k)) continue outer;
    }
    return name;
  }
  return undefined;
}
