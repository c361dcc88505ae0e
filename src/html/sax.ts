import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** What the walker reports; offsets index the HTML string that was given. */
export interface SaxHandler {
  /** An element opened; `start` is the offset of its `<`. */
  open(name: string, attribs: Record<string, string>, start: number): void;
  /** An element closed, explicitly, implicitly or as a void element. */
  close(name: string): void;
  /** Raw text between `start` and `end` (entities not decoded; only <style> text is read). */
  text(start: number, end: number): void;
  /** A comment's text, starting at offset `start`. */
  comment(text: string, start: number): void;
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// The HTML rules that close an open element when another one starts, as browsers apply them.
const TABLE_SECTION = new Set(['thead', 'tbody', 'tfoot']);
const IMPLIED_BY: Record<string, Set<string>> = {
  tr: new Set(['tr', 'th', 'td']),
  th: new Set(['th', 'td']),
  td: new Set(['th', 'td']),
  thead: TABLE_SECTION,
  tbody: TABLE_SECTION,
  tfoot: TABLE_SECTION,
  li: new Set(['li']),
  option: new Set(['option']),
  optgroup: new Set(['optgroup', 'option']),
  dd: new Set(['dt', 'dd']),
  dt: new Set(['dt', 'dd']),
  p: new Set(['p']),
};
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

/**
 * A SAX walk over htmlparser2's Tokenizer with its own element stack. htmlparser2's Parser keeps
 * its stack with Array#unshift, which makes deeply nested input quadratic (100,000 nested divs
 * took 4 s); this stack pushes and pops at the end, so time stays linear in the input.
 */
export function walkHtml(html: string, handler: SaxHandler): void {
  const stack: string[] = [];
  let tagName = '';
  let tagStart = 0;
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';

  const closeTop = (): void => {
    handler.close(stack.pop() as string);
  };
  const openTag = (selfClosing: boolean): void => {
    const name = tagName;
    if (name === 'p' || CLOSES_P.has(name)) {
      // A block element closes an open <p>, as in browsers.
      for (let i = stack.length - 1; i >= 0 && i >= stack.length - 8; i--) {
        if (stack[i] === 'p') {
          while (stack.length > i) closeTop();
          break;
        }
      }
    }
    for (const [child, closedBy] of Object.entries(IMPLIED_BY)) {
      if (child !== 'p' && closedBy.has(name) && stack[stack.length - 1] === child) closeTop();
    }
    handler.open(name, attribs, tagStart);
    if (VOID.has(name) || selfClosing) handler.close(name);
    else stack.push(name);
  };

  const cbs: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      tagStart = start - 1;
      attribs = {};
    },
    onattribname(start, end) {
      attribName = html.slice(start, end).toLowerCase();
      attribValue = '';
    },
    onattribdata(start, end) {
      attribValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attribValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!Object.prototype.hasOwnProperty.call(attribs, attribName)) attribs[attribName] = attribValue;
    },
    onopentagend() {
      openTag(false);
    },
    onselfclosingtag() {
      openTag(true);
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      // Close back to the nearest open element of that name; a stray end tag closes nothing.
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i] === name) {
          while (stack.length > i) closeTop();
          return;
        }
      }
    },
    ontext(start, end) {
      handler.text(start, end);
    },
    ontextentity() {
      // Entities in text are never URLs we read.
    },
    oncomment(start, end, offset) {
      handler.comment(html.slice(start, end - offset), start);
    },
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length) closeTop();
    },
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
}
