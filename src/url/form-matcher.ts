/** What a matcher reports its steps to: the message's deadline (its `tick`), or a test's counter. */
export interface Ticker {
  tick(): void;
}

const NO_TICKER: Ticker = { tick() {} };

// Rows of complete ASCII transitions: the root, its children and some of theirs (64 rows of 128
// units: 32 KB a matcher, half the first-unit table).
const DENSE_ROWS = 64;

/**
 * All occurrences of many strings in one pass (Aho-Corasick over UTF-16 code units), so finding a
 * recipient's forms costs the length of the text plus the size of the forms, whatever their
 * number: one `indexOf` per form and per decoded view cost recipients x forms x URL length
 * (6,000 recipients and a 1.2 MB URL: 80 s of CPU, over a 10 s budget that was never checked).
 * Hand-written rather than modern-ahocorasick: that package (3.3.0, default and `/fast` entries)
 * matches whole grapheme clusters, so a combining mark written after an address
 * (`...example.org\u0301`) hides it, and its `search(text, options)` has no hook for the
 * message's deadline; test/fuzz/form-matcher.test.ts checks both, and checks this matcher equal
 * to `indexOf` per form (and to that package where no grapheme has more than one code point).
 * Transitions live in one Map keyed by node and unit, the rest in typed arrays: a few bytes per
 * character of the forms, and 112 KB of fixed tables a matcher. The price on ordinary mail:
 * find plus mask of 20,000 typical click URLs with 3 recipients took 0.54 to 0.72 s, where the
 * `indexOf` per form took 0.16 to 0.6 s (same loaded machine, interleaved runs); without the
 * first-unit filter at the root it took 1.4 to 2.2 s. With complete ASCII rows for the shallowest
 * nodes (below) it takes 0.21 to 0.42 s (median 0.25) against 0.32 to 0.44 (median 0.41) with the
 * Map alone, and 0.12 to 0.19 s for `indexOf` per form (scripts/bench-redaction.ts, CPU time, 5
 * alternated rounds in one process, load about 6). With the pair skip at the root (`pairs`) it
 * takes 0.11 to 0.29 s (median 0.12), against 0.30 to 0.39 (median 0.35) without the rows and
 * the skip, and 0.12 to 0.21 (median 0.13) for `indexOf` per form (load 12).
 */
export class FormMatcher {
  private readonly next = new Map<number, number>();
  /** Index in `patterns` of the pattern ending at each node, or -1. */
  private readonly term: Int32Array;
  /** The nearest node on the failure chain that ends a pattern, or -1. */
  private readonly dict: Int32Array;
  private readonly fail: Int32Array;
  /** Whether some pattern starts with this unit: at the root, any other unit is passed over without a Map lookup. */
  private readonly first = new Uint8Array(0x10000);
  /**
   * Complete transitions (failure links already followed) of the shallowest nodes for ASCII
   * units, a row of 128 per node, rows given in breadth-first order: `row[node]`, or -1. On
   * ordinary mail nearly every step is at the root or one or two units into a form (a hex hash
   * starts with any hex digit, so most units of a token enter the automaton and fail at once),
   * and these steps were a Map lookup each, and another per failure link.
   */
  private readonly row: Int32Array;
  private readonly rows: Int32Array;
  /**
   * Pairs of adjacent units that stand in some pattern (by their low 7 bits: a collision only
   * costs a skip). At the root, when the pair at (i + skip - 1, i + skip) is in no pattern, no
   * pattern can start in [i, i + skip - 1], since each is longer than `skip` and would cover both:
   * the scan jumps to i + skip (Wu-Manber's shift, exact here because nothing is pending at the
   * root). `skip` is the shortest pattern's length less one, 0 when some pattern is one unit.
   */
  private readonly pairs = new Uint8Array(0x4000);
  private readonly skip: number;
  readonly size: number;

  /**
   * `asciiCaseless`: A-Z in the text are read as a-z, so that an ASCII text needs no folded copy
   * (the copy and its garbage were 5% and more of find+mask); the patterns must be folded already.
   */
  constructor(
    readonly patterns: readonly string[],
    private readonly asciiCaseless = false,
  ) {
    const term: number[] = [-1];
    const firstChild: number[] = [-1];
    const sibling: number[] = [-1];
    const unitOf: number[] = [0];
    let size = 0;
    let shortest = Number.POSITIVE_INFINITY;
    patterns.forEach((p, index) => {
      size += p.length;
      if (p.length > 0) shortest = Math.min(shortest, p.length);
      for (let i = 0; i + 1 < p.length; i++) this.pairs[((p.charCodeAt(i) & 0x7f) << 7) | (p.charCodeAt(i + 1) & 0x7f)] = 1;
      if (p.length > 0) this.first[p.charCodeAt(0)] = 1;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const key = node * 0x10000 + p.charCodeAt(i);
        let child = this.next.get(key);
        if (child === undefined) {
          child = term.length;
          term.push(-1);
          unitOf.push(p.charCodeAt(i));
          sibling.push(firstChild[node]);
          firstChild.push(-1);
          firstChild[node] = child;
          this.next.set(key, child);
        }
        node = child;
      }
      if (p.length > 0 && term[node] === -1) term[node] = index;
    });
    this.size = size;
    this.skip = Number.isFinite(shortest) ? shortest - 1 : 0;
    const count = term.length;
    this.term = Int32Array.from(term);
    this.fail = new Int32Array(count);
    this.dict = new Int32Array(count).fill(-1);
    // Breadth first, so that each node's failure target is done before it.
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    for (let c = firstChild[0]; c !== -1; c = sibling[c]) queue[tail++] = c;
    while (head < tail) {
      const node = queue[head++];
      for (let c = firstChild[node]; c !== -1; c = sibling[c]) {
        let f = this.fail[node];
        let to = this.next.get(f * 0x10000 + unitOf[c]);
        while (to === undefined && f !== 0) {
          f = this.fail[f];
          to = this.next.get(f * 0x10000 + unitOf[c]);
        }
        const target = to ?? 0;
        this.fail[c] = target;
        this.dict[c] = this.term[target] !== -1 ? target : this.dict[target];
        queue[tail++] = c;
      }
    }
    // Breadth first again: a node's failure target is shallower, so its row is filled already.
    this.row = new Int32Array(count).fill(-1);
    const rowCount = Math.min(count, DENSE_ROWS);
    this.rows = new Int32Array(rowCount * 128);
    const order = [0, ...queue.subarray(0, Math.max(0, rowCount - 1))];
    order.forEach((node, r) => {
      this.row[node] = r;
      // The failure target's row, then this node's own children: no Map lookup (a finder is
      // built per recipient set, so per message of a mailbox, and 8,192 lookups a matcher showed).
      const failRow = node === 0 ? -1 : this.row[this.fail[node]];
      if (failRow !== -1) this.rows.copyWithin(r * 128, failRow * 128, failRow * 128 + 128);
      for (let c = firstChild[node]; c !== -1; c = sibling[c]) if (unitOf[c] < 128) this.rows[r * 128 + unitOf[c]] = c;
    });
  }

  /**
   * Calls `hit(pattern, first, last)` (units of `text`, inclusive) for the patterns ending at
   * each unit: only the longest there when `longestOnly` (it holds the shorter ones ending
   * there: enough to mask), else all of them. Ticks once per step, failure links included.
   */
  scan(text: string, longestOnly: boolean, hit: (pattern: number, first: number, last: number) => void, ticker: Ticker = NO_TICKER): void {
    if (this.size === 0) return;
    const { next, fail, term, dict, patterns, first, row, rows, asciiCaseless, pairs, skip } = this;
    const fold = (u: number): number => (asciiCaseless && u <= 90 && u >= 65 ? u + 32 : u);
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      ticker.tick();
      // A skip is one step: the deadline is still ticked at least once per `skip` units.
      while (node === 0 && skip > 0 && i + skip < text.length && pairs[((fold(text.charCodeAt(i + skip - 1)) & 0x7f) << 7) | (fold(text.charCodeAt(i + skip)) & 0x7f)] === 0) {
        i += skip;
        ticker.tick();
      }
      let unit = text.charCodeAt(i);
      if (asciiCaseless && unit <= 90 && unit >= 65) unit += 32;
      if (unit < 128 && row[node] !== -1) node = rows[row[node] * 128 + unit];
      else {
        if (node === 0 && first[unit] === 0) continue;
        let to = next.get(node * 0x10000 + unit);
        // Down the failure chain to a node with a row, whose row then answers for ASCII.
        while (to === undefined && node !== 0) {
          ticker.tick();
          node = fail[node];
          if (unit < 128 && row[node] !== -1) {
            to = rows[row[node] * 128 + unit];
            break;
          }
          to = next.get(node * 0x10000 + unit);
        }
        node = to ?? 0;
      }
      for (let t = term[node] !== -1 ? node : dict[node]; t !== -1; t = dict[t]) {
        ticker.tick();
        const p = term[t];
        hit(p, i - patterns[p].length + 1, i);
        if (longestOnly) break;
      }
    }
  }
}
