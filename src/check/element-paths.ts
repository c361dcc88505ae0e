import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** An element's place in the tree, as tag names from the root (`html>body>table>tr>td>img`). */
interface Placed {
  start: number;
  end: number;
  /** Just past the start tag's `>`. */
  startTagEnd: number;
  tagName: string;
  path: string;
}

/** An element's span in the masked text: the whole element, and its start tag. */
export interface ElementSpan {
  tagName: string;
  start: number;
  end: number;
  startTagEnd: number;
}

/** A comment node of the tree: its span in the masked text and its data. */
export interface TreeComment {
  start: number;
  end: number;
  text: string;
}

/**
 * The element paths of a template's (masked) HTML, built by parse5 with source locations, for
 * fingerprints: a finding's path is that of the element starting at its offset, else of the
 * deepest element around it (a `url()` in a `<style>`, a template tag in a `<td>`). Tag names
 * only, no sibling indices, so inserting a paragraph elsewhere changes no path, while moving a
 * pixel into another element does. Built only for files that have findings or a suppression
 * comment (a second parse); its comment nodes are the only comments a suppression can be.
 */
export class ElementPaths {
  private readonly placed: Placed[] = [];
  /** The comment nodes, as the HTML parser sees them (not `<!--` text in an attribute or a textarea): suppressions.ts. */
  readonly comments: TreeComment[] = [];

  constructor(html: string) {
    const walk = (node: Node, path: string): void => {
      for (const child of 'childNodes' in node ? node.childNodes : []) {
        if (child.nodeName === '#comment' && child.sourceCodeLocation) {
          this.comments.push({ start: child.sourceCodeLocation.startOffset, end: child.sourceCodeLocation.endOffset, text: (child as { data: string }).data });
        }
        if (!('tagName' in child)) continue;
        const el = child;
        const here = path ? `${path}>${el.tagName}` : el.tagName;
        const loc = el.sourceCodeLocation;
        if (loc) this.placed.push({ start: loc.startOffset, end: loc.endOffset, startTagEnd: loc.startTag?.endOffset ?? loc.endOffset, tagName: el.tagName, path: here });
        walk(el.tagName === 'template' && 'content' in el ? (el as unknown as { content: Node }).content : el, here);
      }
    };
    walk(parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }), '');
    // Tree order is not source order where the parser moves an element (an <img> inside a
    // <table> is foster-parented before it); the bisections below need source order.
    this.placed.sort((a, b) => a.start - b.start);
  }

  /** The first element of the tree that starts at or after `offset` (a suppression's next element), if any. */
  elementAfter(offset: number): ElementSpan | undefined {
    let lo = 0;
    let hi = this.placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.placed[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    const p = this.placed[lo] as Placed | undefined;
    return p && { tagName: p.tagName, start: p.start, end: p.end, startTagEnd: p.startTagEnd };
  }

  /** The path of the element at `offset`, or around it; '' when none (an .eml, a position before `<html>`). */
  at(offset: number): string {
    // Elements are in document order, so by start offset: the last one starting at or before
    // the offset is found by bisection; going back from it, the first that still spans the
    // offset is the deepest around it.
    let lo = 0;
    let hi = this.placed.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.placed[mid].start <= offset) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (let i = last; i >= 0; i--) {
      const p = this.placed[i];
      if (p.start === offset || offset < p.end) return p.path;
    }
    return '';
  }
}
