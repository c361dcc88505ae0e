import type { FastElement, FastTreeBuilder } from './fast-tree-builder.js';
import { Mode } from './fast-tree-builder.js';
import { NO_ATTRIBUTES, RAWTEXT, RCDATA, cannotProve } from './fast-tokenizer.js';
import { adoptionAgency } from './fast-tree-adoption.js';
import { BLOCK_END, BUTTON_SCOPE, CLOSES_P, FORMATTING, LIST_ITEM_BOUNDARY, LIST_ITEM_SCOPE, SCOPE, SPECIAL, flagsOf } from './fast-tree-tags.js';

const NUMBERED_HEADERS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const isHeader = (name: string): boolean => name.length === 2 && name.charCodeAt(0) === 104 && name.charCodeAt(1) >= 49 && name.charCodeAt(1) <= 54;

/** parse5's startTagInBody, for the tags the fast builder proves; the rest throw CannotProve. */
export function startTagInBody(p: FastTreeBuilder): void {
  const tok = p.tok;
  const name = tok.name;
  const flags = flagsOf(name);
  if (flags & FORMATTING) {
    if (name === 'a') {
      // An <a> inside an open <a> closes it first.
      const entry = p.formattingEntry('a');
      if (entry >= 0) {
        const open = p.formatting[entry] as FastElement;
        adoptionAgency(p, 'a');
        p.remove(open);
        const k = p.formatting.lastIndexOf(open);
        if (k >= 0) p.formatting.splice(k, 1);
      }
    } else if (name === 'nobr') {
      p.reconstructFormatting();
      if (p.hasInScope('nobr', SCOPE)) adoptionAgency(p, 'nobr');
    }
    p.reconstructFormatting();
    p.pushFormatting(p.insertElement());
    return;
  }
  if (flags & CLOSES_P) {
    if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
    p.insertElement();
    return;
  }
  if (isHeader(name)) {
    if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
    if (isHeader(p.current.name)) p.pop();
    p.insertElement();
    return;
  }
  switch (name) {
    case 'li':
    case 'dd':
    case 'dt': {
      p.framesetOk = false;
      const idx = name === 'li' ? p.indexOfTopmost('li') : Math.max(p.indexOfTopmost('dd'), p.indexOfTopmost('dt'));
      if (idx !== -1 && !p.hasSpecialAbove(idx, LIST_ITEM_BOUNDARY)) {
        const item = p.stack[idx].name;
        p.generateImpliedEndTagsExcept(item);
        p.popUntilPopped(item);
      }
      if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
      p.insertElement();
      return;
    }
    case 'br':
    case 'img':
    case 'wbr':
    case 'area':
    case 'embed':
    case 'keygen':
      p.reconstructFormatting();
      p.appendElement();
      p.framesetOk = false;
      return;
    case 'input':
      p.reconstructFormatting();
      p.appendElement();
      if (p.tok.attrs.type?.toLowerCase() !== 'hidden') p.framesetOk = false;
      return;
    case 'param':
    case 'source':
    case 'track':
      p.appendElement();
      return;
    case 'hr':
      if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
      p.appendElement();
      p.framesetOk = false;
      return;
    case 'pre':
    case 'listing':
      if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
      p.insertElement();
      p.skipNewline = true;
      p.framesetOk = false;
      return;
    case 'xmp':
      if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
      p.reconstructFormatting();
      p.framesetOk = false;
      p.switchToText(RAWTEXT);
      return;
    case 'textarea':
      p.framesetOk = false;
      p.switchToText(RCDATA);
      return;
    case 'noembed':
    case 'noframes':
      p.switchToText(RAWTEXT);
      return;
    case 'html':
      // A second <html> adds the attributes the first lacks.
      return adoptAttributes(p.stack[0], p.tok.attrs);
    case 'body': {
      const body = p.stack.length >= 2 && p.stack[1].name === 'body' ? p.stack[1] : null;
      if (body) {
        p.framesetOk = false;
        adoptAttributes(body, p.tok.attrs);
      }
      return;
    }
    case 'frameset': {
      // With content already in the body, a <frameset> is ignored; otherwise it would replace the body.
      if (p.framesetOk && p.stack.length >= 2 && p.stack[1].name === 'body') cannotProve('<frameset> replacing the body');
      return;
    }
    case 'base':
    case 'link':
    case 'meta':
    case 'style':
    case 'title':
    case 'script':
    case 'bgsound':
    case 'basefont':
    case 'template':
      return p.startTagInHead();
    case 'form':
      if (!p.form) {
        if (p.hasInScope('p', BUTTON_SCOPE)) p.closeP();
        p.form = p.insertElement();
      }
      return;
    case 'button':
      if (p.hasInScope('button', SCOPE)) {
        p.generateImpliedEndTags();
        p.popUntilPopped('button');
      }
      p.reconstructFormatting();
      p.insertElement();
      p.framesetOk = false;
      return;
    case 'applet':
    case 'marquee':
    case 'object':
      p.reconstructFormatting();
      p.insertElement();
      p.insertMarker();
      p.framesetOk = false;
      return;
    case 'table':
      if (p.hasInScope('p', BUTTON_SCOPE) && !p.isQuirks()) p.closeP();
      p.insertElement();
      p.framesetOk = false;
      p.mode = Mode.InTable;
      return;
    case 'optgroup':
    case 'option':
      if (p.current.name === 'option') p.pop();
      p.reconstructFormatting();
      p.insertElement();
      return;
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'frame':
    case 'head':
    case 'tbody':
    case 'td':
    case 'tfoot':
    case 'th':
    case 'thead':
    case 'tr':
      return; // a parse error, ignored
    case 'iframe':
      // Its content is raw text, never markup (the extraction reads src and srcdoc).
      p.framesetOk = false;
      p.switchToText(RAWTEXT);
      return;
    case 'select': {
      p.reconstructFormatting();
      p.insertElement();
      p.framesetOk = false;
      const m = p.mode;
      p.mode = m === Mode.InTable || m === Mode.InCaption || m === Mode.InTableBody || m === Mode.InRow || m === Mode.InCell ? Mode.InSelectInTable : Mode.InSelect;
      return;
    }
    case 'rb':
    case 'rtc':
      if (p.hasInScope('ruby', SCOPE)) p.generateImpliedEndTags();
      p.insertElement();
      return;
    case 'rt':
    case 'rp':
      if (p.hasInScope('ruby', SCOPE)) p.generateImpliedEndTagsExcept('rtc');
      p.insertElement();
      return;
    case 'plaintext':
    case 'image':
      cannotProve(`<${name}> in body`);
    // falls through (never reached)
    default:
      p.reconstructFormatting();
      p.insertElement();
  }
}

function adoptAttributes(el: FastElement, attrs: Record<string, string>): void {
  for (const key in attrs) {
    if (el.attrs === NO_ATTRIBUTES) el.attrs = {};
    if (el.attrs[key] === undefined) el.attrs[key] = attrs[key];
  }
}

/** parse5's endTagInBody. */
export function endTagInBody(p: FastTreeBuilder): void {
  const name = p.tok.name;
  const flags = flagsOf(name);
  if (flags & FORMATTING) return adoptionAgency(p, name);
  if (flags & BLOCK_END) {
    if (p.hasInScope(name, SCOPE)) {
      p.generateImpliedEndTags();
      p.popUntilPopped(name);
    }
    return;
  }
  if (isHeader(name)) {
    if (p.hasAnyInScope(NUMBERED_HEADERS, SCOPE)) {
      p.generateImpliedEndTags();
      p.popUntilAnyPopped(NUMBERED_HEADERS);
    }
    return;
  }
  switch (name) {
    case 'p':
      if (!p.hasInScope('p', BUTTON_SCOPE)) p.insertFake('p');
      p.closeP();
      return;
    case 'li':
      if (p.hasInScope('li', LIST_ITEM_SCOPE)) {
        p.generateImpliedEndTagsExcept('li');
        p.popUntilPopped('li');
      }
      return;
    case 'dd':
    case 'dt':
      if (p.hasInScope(name, SCOPE)) {
        p.generateImpliedEndTagsExcept(name);
        p.popUntilPopped(name);
      }
      return;
    case 'br':
      p.reconstructFormatting();
      p.insertFake('br');
      p.pop();
      p.framesetOk = false;
      return;
    case 'body':
      if (p.hasInScope('body', SCOPE)) p.mode = Mode.AfterBody;
      return;
    case 'html':
      if (p.hasInScope('body', SCOPE)) {
        p.mode = Mode.AfterBody;
        // endTagAfterBody: </html> moves on to "after after body" (not in a fragment).
        if (!p.context) p.mode = Mode.AfterAfterBody;
      }
      return;
    case 'form': {
      const form = p.form;
      p.form = null;
      if (form && p.hasInScope('form', SCOPE)) {
        p.generateImpliedEndTags();
        p.remove(form);
      }
      return;
    }
    case 'applet':
    case 'object':
    case 'marquee':
      if (p.hasInScope(name, SCOPE)) {
        p.generateImpliedEndTags();
        p.popUntilPopped(name);
        p.clearToLastMarker();
      }
      return;
    case 'template':
      cannotProve('template');
    // falls through (never reached)
    default:
      genericEndTagInBody(p, name);
  }
}

/** The topmost open element of that name closes, unless a special element is above it. */
export function genericEndTagInBody(p: FastTreeBuilder, name: string): void {
  const i = p.indexOfTopmost(name);
  if (i > 0 && !p.hasSpecialAbove(i, SPECIAL)) {
    p.generateImpliedEndTagsExcept(name);
    if (p.stack.length > i) p.shortenTo(i);
  }
}
