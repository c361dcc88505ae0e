import type { FastTreeBuilder } from './fast-tree-builder.js';
import { Mode } from './fast-tree-builder.js';
import { startTagInBody } from './fast-tree-body.js';
import { cannotProve } from './fast-tokenizer.js';
import { TABLE_SCOPE } from './fast-tree-tags.js';
import { IN_HEAD_IN_SELECT, VOID_KEPT_IN_SELECT } from './select-relaxation.js';

// parse5's "in select" and "in select in table" modes: inside a <select>, every start tag but
// option, optgroup, hr and script is dropped, except the loading void elements that the current
// standard keeps there, as the reference builder does (select-relaxation.ts).

const TABLE_PARTS = new Set(['caption', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th']);

function hasSelectInSelectScope(p: FastTreeBuilder): boolean {
  for (let i = p.stack.length - 1; i >= 0; i--) {
    const name = p.stack[i].name;
    if (name === 'select') return true;
    if (name !== 'option' && name !== 'optgroup') return false;
  }
  return true;
}

function closeSelect(p: FastTreeBuilder): void {
  p.popUntilPopped('select');
  p.resetInsertionMode();
}

export function startTagInSelect(p: FastTreeBuilder): void {
  const name = p.tok.name;
  if (p.mode === Mode.InSelectInTable && TABLE_PARTS.has(name)) {
    closeSelect(p);
    p.processStartTag();
    return;
  }
  switch (name) {
    case 'html':
      return startTagInBody(p);
    case 'option':
      if (p.current.name === 'option') p.pop();
      p.insertElement();
      return;
    case 'optgroup':
    case 'hr':
      if (p.current.name === 'option') p.pop();
      if (p.current.name === 'optgroup') p.pop();
      if (name === 'hr') p.appendElement();
      else p.insertElement();
      return;
    case 'input':
    case 'keygen':
    case 'textarea':
    case 'select':
      if (hasSelectInSelectScope(p)) {
        closeSelect(p);
        if (name !== 'select') p.processStartTag();
      }
      return;
    case 'script':
    case 'template':
      return p.startTagInHead();
    case 'image':
      cannotProve('<image> in select');
    // falls through (never reached)
    default:
      if (IN_HEAD_IN_SELECT.has(name)) return p.startTagInHead();
      if (VOID_KEPT_IN_SELECT.has(name)) p.appendElement();
      return; // anything else is dropped
  }
}

export function endTagInSelect(p: FastTreeBuilder): void {
  const name = p.tok.name;
  if (p.mode === Mode.InSelectInTable && TABLE_PARTS.has(name)) {
    if (p.hasInScope(name, TABLE_SCOPE)) {
      closeSelect(p);
      p.processEndTag();
    }
    return;
  }
  switch (name) {
    case 'optgroup':
      if (p.stack.length > 1 && p.current.name === 'option' && p.stack[p.stack.length - 2].name === 'optgroup') p.pop();
      if (p.current.name === 'optgroup') p.pop();
      return;
    case 'option':
      if (p.current.name === 'option') p.pop();
      return;
    case 'select':
      if (hasSelectInSelectScope(p)) closeSelect(p);
      return;
    case 'template':
      cannotProve('template');
    // falls through (never reached)
    default:
      return;
  }
}
