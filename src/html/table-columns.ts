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
 * it. Past MAX_SPANNING such cells at once, or MAX_COLLAPSED collapsed ranges, the table is not
 * judged (visible) and nothing more is kept: the lists stay short, so an attacker's table of many
 * rowspans or collapsed columns costs no more than its cells.
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
    // An unjudged table stays so: nothing more is kept or scanned, so its cost stays linear.
    if (this.unjudged) return;
    if (section !== this.section) {
      this.section = section;
      this.spanning = [];
    } else if (this.spanning.length) this.spanning = this.spanning.filter((s) => --s[2] > 0);
    this.cursor = 0;
  }

  /** A cell of the current row: why it is not painted, or undefined. */
  cell(el: TreeElement): Hidden | undefined {
    if (this.unjudged) return undefined;
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
    const rowspan = htmlInteger(el.attrs.rowspan);
    const rows = rowspan === undefined ? 1 : Math.min(rowspan, 65534);
    if (rows !== 1) {
      this.spanning.push([from, from + colspan, rows === 0 ? Number.POSITIVE_INFINITY : rows]);
      if (this.spanning.length > MAX_SPANNING) this.unjudged = true;
    }
    if (this.unjudged || this.collapsed.length === 0) return undefined;
    for (const [a, b] of this.collapsed) if (a <= from && from < b) return { by: 'collapsed', detail: `<${el.name}> in a column of visibility:collapse` };
    return undefined;
  }

  private add(n: number, collapse: boolean): void {
    if (collapse) {
      // Adjacent collapsed columns make one range; past MAX_COLLAPSED ranges the table is not
      // judged (visible), so each cell compares a short list.
      const last = this.collapsed.at(-1);
      if (last && last[1] === this.count) last[1] += n;
      else if (this.collapsed.length < MAX_COLLAPSED) this.collapsed.push([this.count, this.count + n]);
      else this.unjudged = true;
    }
    this.count += n;
  }
}

const MAX_SPANNING = 32;
const MAX_COLLAPSED = 32;

/** A span or colspan by the HTML rules: a non-negative integer, 0 or none is 1, capped. */
function span(value: string | undefined, max: number): number {
  const n = htmlInteger(value) ?? 1;
  return n === 0 ? 1 : Math.min(n, max);
}

/** The leading non-negative integer of an attribute by the HTML rules, or undefined for none. */
function htmlInteger(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^[\t\n\f\r ]*\+?([0-9]+)/.exec(value);
  return m ? Number.parseInt(m[1], 10) : undefined;
}
