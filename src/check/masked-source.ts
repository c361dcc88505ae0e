import { LineIndex } from '../html/line-index.js';
import type { MaskShifts } from './placeholders.js';

/**
 * Positions of a template's masked HTML told as positions of its source. Removing a tag that
 * writes nothing moves the rest of its word left (placeholders.ts), so a position the parser
 * reports in the masked text (a CSS url() in `td{{{ if .T }}background:url(...)`, a URL after
 * `?{{#if l}}`) is mapped back by the one offset map the masking made. Everything else (element
 * starts, line breaks, text after the word) has the same offset in both, so the map is short.
 * `position` tells a source offset as a source line and column, as LineIndex does.
 */
export class MaskedSource extends LineIndex {
  private readonly maskedLines: LineIndex;

  constructor(
    source: string,
    masked: string,
    private readonly shifts: MaskShifts,
  ) {
    super(source);
    this.maskedLines = new LineIndex(masked);
  }

  /** The source offset of a masked line and column (what parse5 reports). */
  override offset(position: { line: number; column: number }): number {
    return this.sourceOffset(this.maskedLines.offset(position));
  }

  /** The source offset of a masked offset: the last shift at or before it says how far it moved. */
  sourceOffset(masked: number): number {
    const { starts, deltas } = this.shifts;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= masked) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return masked + (found === -1 ? 0 : deltas[found]);
  }
}
