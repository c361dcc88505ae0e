import { decodeHTMLAttribute } from 'entities';
import { byLength, COMMON_TAGS, lookupName } from './tag-names.js';

/** What the walker reports; offsets index the HTML string that was given. */
export interface SaxHandler {
  /** An element opened; `start` is the offset of its `<`. */
  open(name: string, attribs: Record<string, string>, start: number): void;
  /** An element closed, explicitly, implicitly or as a void element. */
  close(name: string): void;
  /** Raw text of a raw-text element (<style>, <script> ...) between `start` and `end`. */
  text(start: number, end: number): void;
  /** A comment's text, starting at offset `start`. */
  comment(text: string, start: number): void;
  /**
   * Optional: every attribute that has a value, reported before its element's `open`, with the
   * raw (not entity-decoded) value at html[valueStart, valueEnd) and its quote (34, 39, or 0 when
   * unquoted). Clean uses it to rewrite values where they are written.
   */
  attribute?(name: string, valueStart: number, valueEnd: number, quote: number): void;
  /**
   * Optional: whether the element just opened (one of the HTML raw-text names) holds raw text,
   * its content starting at `contentStart`; default yes. In foreign content (inside `<svg>` or
   * `<math>`) `<style>`, `<title>`, `<script>` ... are ordinary elements whose content is markup:
   * a caller that follows namespaces (tag-tree.ts) answers false there.
   */
  rawText?(name: string, contentStart: number): boolean;
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Elements whose content is raw text: no tags inside until their end tag.
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
// The HTML rules that close open elements when another one starts (as htmlparser2 and browsers
// apply them): opening the key closes the stack top while it is one of the values.
const CLOSES: Map<string, Set<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th', 'td'])],
  ['td', new Set(['th', 'td'])],
  ['thead', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['tbody', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['tfoot', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dt', 'dd'])],
  ['dt', new Set(['dt', 'dd'])],
]);
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

const nameAt = (html: string, start: number, end: number): string => lookupName(html, start, end, COMMON_TAGS) ?? html.slice(start, end).toLowerCase();

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * A SAX walk over HTML that jumps from `<` to `<` with indexOf and reads only tags, with its
 * own push/pop element stack. Measured on the 315 MB benchmark mbox, htmlparser2's Tokenizer
 * took as long as the MIME parse itself (it visits every character through callbacks), and its
 * Parser keeps the stack with Array#unshift, which made 100,000 nested elements quadratic.
 * Attribute values are entity-decoded with the `entities` package, as htmlparser2 does. With
 * `wanted`, only those attributes are reported (names lower-cased). Past `maxDepth` open
 * elements, an element is closed as soon as it opens (its children become its siblings, as
 * Chromium's parser does past 512): the stack stays bounded (5,000,000 nested `<div>`s made it
 * 40 MB and ran a 128 MB heap out of memory).
 */
export function walkHtml(html: string, handler: SaxHandler, wanted?: ReadonlySet<string>, maxDepth = Number.POSITIVE_INFINITY): void {
  const stack: string[] = [];
  // How many elements of each name are open: a stray end tag is answered without a walk down a
  // deep stack (50,000 open <div>s and as many stray </span>s were quadratic).
  const openCount = new Map<string, number>();
  const wantedTable = wanted ? byLength(wanted) : undefined;
  const length = html.length;
  const closeTop = (): void => {
    const name = stack.pop() as string;
    openCount.set(name, (openCount.get(name) as number) - 1);
    handler.close(name);
  };

  const openElement = (name: string, attribs: Record<string, string>, start: number, selfClosing: boolean): void => {
    if (CLOSES_P.has(name)) {
      // A block element closes an open <p> near the top of the stack, as in browsers.
      for (let i = stack.length - 1; i >= 0 && i >= stack.length - 8; i--) {
        if (stack[i] === 'p') {
          while (stack.length > i) closeTop();
          break;
        }
      }
    }
    const closes = CLOSES.get(name);
    if (closes) while (stack.length && closes.has(stack[stack.length - 1])) closeTop();
    handler.open(name, attribs, start);
    if (VOID.has(name) || selfClosing || stack.length >= maxDepth) handler.close(name);
    else {
      stack.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
    }
  };

  const closeElement = (name: string): void => {
    // Close back to the nearest open element of that name; a stray end tag closes nothing.
    if (!openCount.get(name)) return;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i] === name) {
        while (stack.length > i) closeTop();
        return;
      }
    }
  };

  let i = 0;
  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt + 1 >= length) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        let end = html.indexOf('-->', lt + 4);
        if (end === -1) end = length;
        handler.comment(html.slice(lt + 4, end), lt + 4);
        i = end + 3;
      } else {
        const end = html.indexOf('>', lt + 2);
        i = end === -1 ? length : end + 1;
      }
      continue;
    }
    if (next === 47 /* / */) {
      let j = lt + 2;
      while (j < length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
      const name = nameAt(html, lt + 2, j);
      const end = html.indexOf('>', j);
      if (name) closeElement(name);
      i = end === -1 ? length : end + 1;
      continue;
    }
    if (!isNameStart(next)) {
      i = lt + 1; // a literal '<' in text
      continue;
    }
    // An open tag: name, then attributes up to '>' (quoted values may hold '>').
    let j = lt + 1;
    while (j < length) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62) break;
      j++;
    }
    const name = nameAt(html, lt + 1, j);
    const attribs: Record<string, string> = {};
    let selfClosing = false;
    while (j < length) {
      let c = html.charCodeAt(j);
      if (c === 62 /* > */) {
        selfClosing = html.charCodeAt(j - 1) === 47;
        break;
      }
      if (isSpace(c) || c === 47) {
        j++;
        continue;
      }
      const nameStart = j;
      while (j < length) {
        c = html.charCodeAt(j);
        if (isSpace(c) || c === 61 || c === 62 || c === 47) break;
        j++;
      }
      const nameEnd = j;
      if (j === nameStart) {
        j++; // a stray quote or '=': step over it
        continue;
      }
      // Only the attributes the caller asked for are sliced and decoded: mail HTML is full of
      // cellpadding, align and class attributes that would only cost allocations.
      const attrName = wantedTable ? (lookupName(html, nameStart, j, wantedTable) ?? '') : html.slice(nameStart, j).toLowerCase();
      const keep = attrName !== '';
      while (j < length && isSpace(html.charCodeAt(j))) j++;
      let value = '';
      if (html.charCodeAt(j) === 61 /* = */) {
        j++;
        while (j < length && isSpace(html.charCodeAt(j))) j++;
        const q = html.charCodeAt(j);
        let valueStart: number;
        let valueEnd: number;
        if (q === 34 || q === 39) {
          valueStart = j + 1;
          valueEnd = html.indexOf(q === 34 ? '"' : "'", valueStart);
          if (valueEnd === -1) valueEnd = length;
          j = valueEnd + 1;
        } else {
          valueStart = j;
          while (j < length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
          valueEnd = j;
        }
        if (handler.attribute) handler.attribute(html.slice(nameStart, nameEnd).toLowerCase(), valueStart, valueEnd, q === 34 || q === 39 ? q : 0);
        if (keep) {
          value = html.slice(valueStart, valueEnd);
          if (value.includes('&')) value = decodeHTMLAttribute(value);
        }
      }
      if (keep && attribs[attrName] === undefined) attribs[attrName] = value;
    }
    i = j + 1;
    openElement(name, attribs, lt, selfClosing);
    if (RAW_TEXT.has(name) && !selfClosing && (!handler.rawText || handler.rawText(name, i))) {
      // Raw text runs to the matching end tag, whatever it contains.
      let end = i;
      for (;;) {
        end = html.indexOf('</', end);
        if (end === -1 || html.slice(end + 2, end + 2 + name.length).toLowerCase() === name) break;
        end += 2;
      }
      const stop = end === -1 ? length : end;
      handler.text(i, stop);
      i = stop;
    }
  }
  while (stack.length) closeTop();
}
