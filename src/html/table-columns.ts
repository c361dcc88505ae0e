import type { TreeElement } from './tree.js';
import type { Hidden } from './visibility.js';

/**
 * The columns of one HTML table that `visibility:collapse` on a `<col>` or `<colgroup>` takes
 * out, and the column each cell of its rows starts at: Chromium lays a collapsed column out at
 * no width and paints nothing of a cell that starts in it, also of one spanning on into a visible
 * column (one that starts in a visible column and spans into it is painted): oracle
 * p5-col-collapse, visibility-review-p5.ts. Fed in tree order by the walk (document-walk.ts):
 * the columns come before the rows. A cell's place is the HTML table model's: along its row,
 * after the colspans before it and the cells of earlier rows of its section that span down into
 * it. Past MAX_SPANNING such cells at once the table is not judged (visible): the slots stay a
 * short list, so an attacker's table of many rowspans costs no more than its cells.
 */
export class TableColumns {
  private count = 0;
  /** Collapsed column ranges [from, to). */
  private readonly collapsed: Array<[number, number]> = [];
  private group: { collapse: boolean; span: number; hasCols: boolean } | undefined;
  private cursor = 0;
  /** Cells of earlier rows that reach into this one: [from, to) columns and the rows they still cover. */
  private spanning: Array<[number, number, number]> = [];
  private section: unknown;
  private unjudged = false;

  colgroup(el: TreeElement, collapse: boolean): void {
    this.group = { collapse, span: span(el.attrs.span, 1000), hasCols: false };
  }

  /** A `<colgroup>` ends: without `<col>` children its own span counts. */
  endColgroup(): void {
    const g = this.group;
    this.group = undefined;
    if (g && !g.hasCols) this.add(g.span, g.collapse);
  }

  col(el: TreeElement, collapse: boolean, inGroup: boolean): void {
    const g = inGroup ? this.group : undefined;
    if (g) g.hasCols = true;
    this.add(span(el.attrs.span, 1000), collapse || (g?.collapse ?? false));
  }

  /** A row of `section` (its parent element) starts. */
  row(section: unknown): void {
    if (section !== this.section) {
      this.section = section;
      this.spanning = [];
    } else if (this.spanning.length) this.spanning = this.spanning.filter((s) => --s[2] > 0);
    this.cursor = 0;
  }

  /** A cell of the current row: why it is not painted, or undefined. */
  cell(el: TreeElement): Hidden | undefined {
    // Past the slots that cells of earlier rows still hold.
    for (let moved = true; moved; ) {
      moved = false;
      for (const s of this.spanning)
        if (s[0] <= this.cursor && this.cursor < s[1]) {
          this.cursor = s[1];
          moved = true;
        }
    }
    const from = this.cursor;
    const colspan = span(el.attrs.colspan, 1000);
    this.cursor += colspan;
    // rowspan=0 spans the rest of the section; at most 65534 (HTML).
    const rowspan = el.attrs.rowspan === undefined ? undefined : /^[\t\n\f\r ]*\+?([0-9]+)/.exec(el.attrs.rowspan);
    const rows = rowspan ? Math.min(Number.parseInt(rowspan[1], 10), 65534) : 1;
    if (rows !== 1) {
      this.spanning.push([from, from + colspan, rows === 0 ? Number.POSITIVE_INFINITY : rows]);
      if (this.spanning.length > MAX_SPANNING) this.unjudged = true;
    }
    if (this.unjudged || this.collapsed.length === 0) return undefined;
    for (const [a, b] of this.collapsed) if (a <= from && from < b) return { by: 'collapsed', detail: `<${el.name}> in a column of visibility:collapse` };
    return undefined;
  }

  private add(n: number, collapse: boolean): void {
    if (collapse) this.collapsed.push([this.count, this.count + n]);
    this.count += n;
  }
}

const MAX_SPANNING = 32;

/** A span or colspan by the HTML rules: a non-negative integer, 0 or none is 1, capped. */
function span(value: string | undefined, max: number): number {
  if (value === undefined) return 1;
  const m = /^[\t\n\f\r ]*\+?([0-9]+)/.exec(value);
  const n = m ? Number.parseInt(m[1], 10) : 1;
  return n === 0 ? 1 : Math.min(n, max);
}
