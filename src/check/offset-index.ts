import { LineIndex } from '../html/line-index.js';
import type { SourcePosition } from '../types.js';

/**
 * Line and column from an offset and back, over one source text. Lines end as the HTML input
 * stream ends them (LineIndex), so a position `check` gives is the one the extraction gives.
 */
export class OffsetIndex {
  private readonly lines: LineIndex;
  private starts: number[] | null = null;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): SourcePosition {
    return this.lines.position(offset);
  }

  offset(position: SourcePosition): number {
    if (!this.starts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 10 || (c === 13 && this.text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return (this.starts[position.line - 1] ?? this.text.length) + position.column - 1;
  }
}
