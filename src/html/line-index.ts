/**
 * Turns character offsets into 1-based line and column, building its index on first use. Lines
 * end as the HTML input stream ends them (CR LF, LF, and a lone CR, which the standard turns
 * into LF before tokenizing); columns count UTF-16 code units, as editors and SARIF's default
 * `utf16CodeUnits` do.
 */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** The offset of a 1-based line and column (`check` maps positions back into its source). */
  offset(position: { line: number; column: number }): number {
    return (this.lineStarts()[position.line - 1] ?? this.text.length) + position.column - 1;
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      if (this.text.includes('\r')) {
        for (let i = this.text.indexOf('\r'); i !== -1; i = this.text.indexOf('\r', i + 1)) if (this.text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
        starts.sort((a, b) => a - b);
      }
      this.starts = starts;
    }
    return this.starts;
  }
}
