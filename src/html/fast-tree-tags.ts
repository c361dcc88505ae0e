/**
 * The element categories of the HTML standard's tree construction, as parse5 8 spells them (the
 * reference: its lists, not the current standard's, where the two differ: `search` closes a `<p>`
 * but is not special).
 */
export const SPECIAL = 1;
/** Special, except address, div and p: ends the search for a list item to close. */
export const LIST_ITEM_BOUNDARY = 2;
/** Bounds "in scope" (and so every narrower scope). */
export const SCOPE = 4;
export const LIST_ITEM_SCOPE = 8;
export const BUTTON_SCOPE = 16;
export const TABLE_SCOPE = 32;
/** Generate implied end tags pops these. */
export const IMPLIED_END = 64;
/** ... and generate them thoroughly, or with an exclusion (parse5 uses the thorough list there), these too. */
export const IMPLIED_END_THOROUGH = 128;
export const FORMATTING = 256;
/** Current node that makes an insertion in table mode foster-parented. */
export const TABLE_STRUCTURE = 512;
/** Start tag in body that closes an open `<p>` in button scope (addressStartTagInBody). */
export const CLOSES_P = 1024;
/** Elements whose end tag in body closes them back to the element (addressEndTagInBody). */
export const BLOCK_END = 2048;

const SPECIAL_NAMES =
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp';
const P_CLOSERS = 'p dl ol ul div dir nav main menu aside center figure footer header hgroup dialog details address article search section summary fieldset blockquote figcaption';
const BLOCK_ENDS = 'dl ul ol dir div nav pre main menu aside button center figure footer header hgroup dialog address article details search section summary listing fieldset blockquote figcaption';

const FLAGS = new Map<string, number>();
const mark = (names: string, flag: number): void => {
  for (const name of names.split(' ')) FLAGS.set(name, (FLAGS.get(name) ?? 0) | flag);
};
mark(SPECIAL_NAMES, SPECIAL);
for (const name of SPECIAL_NAMES.split(' ')) if (name !== 'address' && name !== 'div' && name !== 'p') mark(name, LIST_ITEM_BOUNDARY);
mark('applet caption html marquee object table td template th', SCOPE | LIST_ITEM_SCOPE | BUTTON_SCOPE);
mark('ol ul', LIST_ITEM_SCOPE);
mark('button', BUTTON_SCOPE);
mark('table html', TABLE_SCOPE);
mark('dd dt li optgroup option p rb rp rt rtc', IMPLIED_END | IMPLIED_END_THOROUGH);
mark('caption colgroup tbody td tfoot th thead tr', IMPLIED_END_THOROUGH);
mark('a b big code em font i nobr s small strike strong tt u', FORMATTING);
mark('table tbody tfoot thead tr', TABLE_STRUCTURE);
mark(P_CLOSERS, CLOSES_P);
mark(BLOCK_ENDS, BLOCK_END);

/** The category bits of an HTML element name (0 for ordinary and unknown names). */
export function flagsOf(name: string): number {
  return FLAGS.get(name) ?? 0;
}

/** The elements that select an insertion mode when it is reset (parse5's INSERTION_MODE_TAGS). */
export const MODE_SELECTING = new Set(['tr', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'table', 'frameset', 'select', 'template', 'td', 'th', 'head', 'body', 'html']);
