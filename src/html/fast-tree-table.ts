import type { FastTreeBuilder } from './fast-tree-builder.js';
import { Mode } from './fast-tree-builder.js';
import { END, START, TEXT, cannotProve } from './fast-tokenizer.js';
import { endTagInBody, startTagInBody } from './fast-tree-body.js';
import { TABLE_SCOPE, TABLE_STRUCTURE } from './fast-tree-tags.js';

// The table insertion modes of parse5 (src/parser/index.ts), one function each.

const TABLE_CONTEXT = ['table', 'template', 'html'];
const TABLE_BODY_CONTEXT = ['tbody', 'tfoot', 'thead', 'template', 'html'];
const TABLE_ROW_CONTEXT = ['tr', 'template', 'html'];
const TABLE_BODIES = ['tbody', 'tfoot', 'thead'];
const TABLE_CELLS = ['td', 'th'];
const TABLE_VOID = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Anything else in a table: the body's rules, with foster parenting on (which the builder refuses to prove). */
function tokenInTable(p: FastTreeBuilder, type: number): void {
  const saved = p.fosterParenting;
  p.fosterParenting = true;
  try {
    if (type === START) startTagInBody(p);
    else if (type === END) endTagInBody(p);
    else if (type === TEXT) {
      p.reconstructFormatting();
      if (p.tok.textHasNonSpace()) p.framesetOk = false;
      p.insertCharacters();
    }
  } finally {
    p.fosterParenting = saved;
  }
}

export function characterInTable(p: FastTreeBuilder): void {
  if (p.current.flags & TABLE_STRUCTURE) {
    p.originalMode = p.mode;
    p.mode = Mode.InTableText;
    p.tableTextNonSpace = p.tok.textHasNonSpace();
  } else tokenInTable(p, TEXT);
}

export function startTagInTable(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'td':
    case 'th':
    case 'tr':
      p.clearBackTo(TABLE_CONTEXT);
      p.insertFake('tbody');
      p.mode = Mode.InTableBody;
      return startTagInTableBody(p);
    case 'style':
    case 'script':
    case 'template':
      return p.startTagInHead();
    case 'col':
      p.clearBackTo(TABLE_CONTEXT);
      p.insertFake('colgroup');
      p.mode = Mode.InColumnGroup;
      return startTagInColumnGroup(p);
    case 'form':
      if (!p.form) {
        p.form = p.insertElement();
        p.pop();
      }
      return;
    case 'table':
      if (p.hasInScope('table', TABLE_SCOPE)) {
        p.popUntilPopped('table');
        p.resetInsertionMode();
        p.process(START);
      }
      return;
    case 'tbody':
    case 'tfoot':
    case 'thead':
      p.clearBackTo(TABLE_CONTEXT);
      p.insertElement();
      p.mode = Mode.InTableBody;
      return;
    case 'input':
      if (p.tok.attrs.type?.toLowerCase() === 'hidden') return p.appendElement();
      return tokenInTable(p, START);
    case 'caption':
      p.clearBackTo(TABLE_CONTEXT);
      p.insertMarker();
      p.insertElement();
      p.mode = Mode.InCaption;
      return;
    case 'colgroup':
      p.clearBackTo(TABLE_CONTEXT);
      p.insertElement();
      p.mode = Mode.InColumnGroup;
      return;
    default:
      return tokenInTable(p, START);
  }
}

export function endTagInTable(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'table':
      if (p.hasInScope('table', TABLE_SCOPE)) {
        p.popUntilPopped('table');
        p.resetInsertionMode();
      }
      return;
    case 'template':
      cannotProve('template');
    // falls through (never reached)
    case 'body':
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'html':
    case 'tbody':
    case 'td':
    case 'tfoot':
    case 'th':
    case 'thead':
    case 'tr':
      return;
    default:
      return tokenInTable(p, END);
  }
}

export function startTagInCaption(p: FastTreeBuilder): void {
  if (!TABLE_VOID.has(p.tok.name)) return startTagInBody(p);
  if (p.hasInScope('caption', TABLE_SCOPE)) {
    closeCaption(p);
    startTagInTable(p);
  }
}

export function endTagInCaption(p: FastTreeBuilder): void {
  const name = p.tok.name;
  if (name === 'caption' || name === 'table') {
    if (p.hasInScope('caption', TABLE_SCOPE)) {
      closeCaption(p);
      if (name === 'table') endTagInTable(p);
    }
    return;
  }
  if (name === 'body' || name === 'html' || (TABLE_VOID.has(name) && name !== 'caption')) return;
  endTagInBody(p);
}

function closeCaption(p: FastTreeBuilder): void {
  p.generateImpliedEndTags();
  p.popUntilPopped('caption');
  p.clearToLastMarker();
  p.mode = Mode.InTable;
}

export function startTagInColumnGroup(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'html':
      return startTagInBody(p);
    case 'col':
      return p.appendElement();
    case 'template':
      cannotProve('template');
    // falls through (never reached)
    default:
      return tokenInColumnGroup(p, START);
  }
}

export function endTagInColumnGroup(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'colgroup':
      if (p.current.name === 'colgroup') {
        p.pop();
        p.mode = Mode.InTable;
      }
      return;
    case 'template':
      cannotProve('template');
    // falls through (never reached)
    case 'col':
      return;
    default:
      return tokenInColumnGroup(p, END);
  }
}

export function tokenInColumnGroup(p: FastTreeBuilder, type: number): void {
  if (p.current.name === 'colgroup') {
    p.pop();
    p.mode = Mode.InTable;
    p.process(type);
  }
}

export function startTagInTableBody(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'tr':
      p.clearBackTo(TABLE_BODY_CONTEXT);
      p.insertElement();
      p.mode = Mode.InRow;
      return;
    case 'th':
    case 'td':
      p.clearBackTo(TABLE_BODY_CONTEXT);
      p.insertFake('tr');
      p.mode = Mode.InRow;
      return startTagInRow(p);
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'tbody':
    case 'tfoot':
    case 'thead':
      if (p.hasAnyInScope(TABLE_BODIES, TABLE_SCOPE)) {
        p.clearBackTo(TABLE_BODY_CONTEXT);
        p.pop();
        p.mode = Mode.InTable;
        startTagInTable(p);
      }
      return;
    default:
      return startTagInTable(p);
  }
}

export function endTagInTableBody(p: FastTreeBuilder): void {
  const name = p.tok.name;
  switch (name) {
    case 'tbody':
    case 'tfoot':
    case 'thead':
      if (p.hasInScope(name, TABLE_SCOPE)) {
        p.clearBackTo(TABLE_BODY_CONTEXT);
        p.pop();
        p.mode = Mode.InTable;
      }
      return;
    case 'table':
      if (p.hasAnyInScope(TABLE_BODIES, TABLE_SCOPE)) {
        p.clearBackTo(TABLE_BODY_CONTEXT);
        p.pop();
        p.mode = Mode.InTable;
        endTagInTable(p);
      }
      return;
    case 'body':
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'html':
    case 'td':
    case 'th':
    case 'tr':
      return;
    default:
      return endTagInTable(p);
  }
}

export function startTagInRow(p: FastTreeBuilder): void {
  switch (p.tok.name) {
    case 'th':
    case 'td':
      p.clearBackTo(TABLE_ROW_CONTEXT);
      p.insertElement();
      p.mode = Mode.InCell;
      p.insertMarker();
      return;
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'tbody':
    case 'tfoot':
    case 'thead':
    case 'tr':
      if (p.hasInScope('tr', TABLE_SCOPE)) {
        closeRow(p);
        startTagInTableBody(p);
      }
      return;
    default:
      return startTagInTable(p);
  }
}

function closeRow(p: FastTreeBuilder): void {
  p.clearBackTo(TABLE_ROW_CONTEXT);
  p.pop();
  p.mode = Mode.InTableBody;
}

export function endTagInRow(p: FastTreeBuilder): void {
  const name = p.tok.name;
  switch (name) {
    case 'tr':
      if (p.hasInScope('tr', TABLE_SCOPE)) closeRow(p);
      return;
    case 'table':
      if (p.hasInScope('tr', TABLE_SCOPE)) {
        closeRow(p);
        endTagInTableBody(p);
      }
      return;
    case 'tbody':
    case 'tfoot':
    case 'thead':
      // parse5 goes on when either the element or a row is in table scope.
      if (p.hasInScope(name, TABLE_SCOPE) || p.hasInScope('tr', TABLE_SCOPE)) {
        closeRow(p);
        endTagInTableBody(p);
      }
      return;
    case 'body':
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'html':
    case 'td':
    case 'th':
      return;
    default:
      return endTagInTable(p);
  }
}

export function startTagInCell(p: FastTreeBuilder): void {
  if (!TABLE_VOID.has(p.tok.name)) return startTagInBody(p);
  if (p.hasInScope('td', TABLE_SCOPE) || p.hasInScope('th', TABLE_SCOPE)) {
    closeCell(p);
    startTagInRow(p);
  }
}

function closeCell(p: FastTreeBuilder): void {
  p.generateImpliedEndTags();
  p.popUntilAnyPopped(TABLE_CELLS);
  p.clearToLastMarker();
  p.mode = Mode.InRow;
}

export function endTagInCell(p: FastTreeBuilder): void {
  const name = p.tok.name;
  switch (name) {
    case 'td':
    case 'th':
      if (p.hasInScope(name, TABLE_SCOPE)) {
        p.generateImpliedEndTags();
        p.popUntilPopped(name);
        p.clearToLastMarker();
        p.mode = Mode.InRow;
      }
      return;
    case 'table':
    case 'tbody':
    case 'tfoot':
    case 'thead':
    case 'tr':
      if (p.hasInScope(name, TABLE_SCOPE)) {
        closeCell(p);
        endTagInRow(p);
      }
      return;
    case 'body':
    case 'caption':
    case 'col':
    case 'colgroup':
    case 'html':
      return;
    default:
      return endTagInBody(p);
  }
}
