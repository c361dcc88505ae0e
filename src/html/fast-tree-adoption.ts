import { type FastElement, type FastTreeBuilder, NO_CHILDREN, appendChild } from './fast-tree-builder.js';
import { SCOPE, SPECIAL, TABLE_STRUCTURE } from './fast-tree-tags.js';
import { genericEndTagInBody } from './fast-tree-body.js';

/**
 * The adoption agency algorithm, as parse5's callAdoptionAgency runs it: misnested formatting
 * end tags (`<b><p>x</b>y`) move the block out of the formatting element and reopen copies of it.
 */
export function adoptionAgency(p: FastTreeBuilder, subject: string): void {
  const current = p.current;
  if (current.name === subject && !p.isFormattingEntry(current)) {
    p.pop();
    return;
  }
  for (let round = 0; round < 8; round++) {
    // Each round may walk the stack and the list (lastIndexOf, splice): quadratic over a deep one.
    p.work += p.stack.length + p.formatting.length;
    const entry = p.formattingEntry(subject);
    if (entry < 0) return genericEndTagInBody(p, subject);
    const formatting = p.formatting[entry] as FastElement;
    if (!formatting.open) {
      p.formatting.splice(entry, 1);
      return;
    }
    if (!p.hasInScope(subject, SCOPE, formatting)) return;
    const formattingIdx = p.stack.lastIndexOf(formatting);
    let blockIdx = formattingIdx + 1;
    while (blockIdx < p.stack.length && !(p.stack[blockIdx].flags & SPECIAL)) blockIdx++;
    if (blockIdx >= p.stack.length) {
      p.shortenTo(formattingIdx);
      p.formatting.splice(p.formatting.lastIndexOf(formatting), 1);
      return;
    }
    const block = p.stack[blockIdx];
    p.moved = true;
    let bookmark: FastElement = formatting;
    // The inner loop: walk down from the furthest block to the formatting element.
    let last = block;
    for (let i = 0, idx = blockIdx - 1; p.stack[idx] !== formatting; i++) {
      let node = p.stack[idx];
      const below = idx - 1;
      const k = p.formatting.lastIndexOf(node);
      if (k < 0 || i >= 3) {
        if (k >= 0) p.formatting.splice(k, 1);
        p.stack.splice(idx, 1);
        p.markOpen(node, false);
      } else {
        // parse5 creates the copies without attaching a source location: start -1.
        const copy = p.element(node.name, node.attrs, -1, node.tokenStart);
        p.markOpen(copy, true);
        p.stack[idx] = copy;
        p.markOpen(node, false);
        p.formatting[k] = copy;
        node = copy;
        if (last === block) bookmark = copy;
        detach(p, last);
        appendChild(node, last);
        last = node;
      }
      idx = below;
    }
    const ancestor = p.stack[formattingIdx - 1] as FastElement | undefined;
    detach(p, last);
    if (ancestor) {
      if (ancestor.flags & TABLE_STRUCTURE) p.fosterParent(last);
      else appendChild(ancestor, last);
    }
    // A copy of the formatting element takes the furthest block's children.
    const copy = p.element(formatting.name, formatting.attrs, -1, formatting.tokenStart);
    copy.children = block.children;
    for (const child of copy.children) if ('parent' in child) child.parent = copy;
    block.children = NO_CHILDREN;
    appendChild(block, copy);
    p.formatting.splice(p.formatting.indexOf(bookmark) + 1, 0, copy);
    p.formatting.splice(p.formatting.lastIndexOf(formatting), 1);
    p.stack.splice(p.stack.lastIndexOf(formatting), 1);
    p.markOpen(formatting, false);
    p.stack.splice(p.stack.lastIndexOf(block) + 1, 0, copy);
    p.markOpen(copy, true);
  }
}

function detach(p: FastTreeBuilder, el: FastElement): void {
  const siblings = el.parent ? el.parent.children : p.top;
  const at = siblings.lastIndexOf(el);
  if (at >= 0) siblings.splice(at, 1);
  el.parent = null;
}
