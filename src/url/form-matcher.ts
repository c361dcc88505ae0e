/** What a matcher reports its steps to: the message's deadline (its `tick`), or a test's counter. */
export interface Ticker {
  tick(): void;
}

const NO_TICKER: Ticker = { tick() {} };

// Rows of complete ASCII transitions: the root, its children and some of theirs (at most 32 rows
// of 128 units, 16 KB, fewer for a smaller automaton). 64 rows cost the build more than they
// saved the scan: 2,000 messages of new recipients 0.77 s (0.60-1.02) with 64, 0.63 (0.62-0.98)
// with 32, 0.65 (0.63-0.92) with 16, find+mask of 20,000 URLs 0.12-0.13 s with each (5
// alternated rounds, load 30).
const DENSE_ROWS = 32;
// A node with more children than this finds them through `wide` rather than its sorted list.
const LIST_MAX = 8;
// The pair table (`pairs`): a bit for each pair of 7-bit units.
const PAIR_WORDS = 0x4000 >> 5;
// Per-unit arrays of a build (unitOf, firstChild, sibling, lastChild, childCount, term, depth,
// anchorHead, anchorTail) and per-node arrays a matcher keeps (unitOf, firstChild, sibling,
// term, depth, row, isWide, fail, dict, output; anchorHead and anchorDict when anchored).
const BUILD_ARRAYS = 9;
const KEPT_ARRAYS = 10;
const EMPTY = new Int32Array(0);

// The build's scratch, reused by every build of this thread (one at a time: a build calls
// nothing but a ticker, which counts or throws), up to SCRATCH_KEPT units; a larger build
// allocates its own, so that a worker does not keep a 256-recipient message's megabytes.
// Allocating the build's arrays for each matcher, their slices, and a dozen typed arrays a
// matcher were a quarter of a build's profile: with this, building 6,000 finders of two new
// recipients took 1.28-1.57 s CPU against 1.58-1.89 with anchors alone (3 interleaved runs,
// load 16; one-shot hashes and the default sort in the same change).
const SCRATCH_KEPT = 1 << 18;
let scratch = new Int32Array(0);
function buildScratch(units: number): Int32Array {
  if (units > SCRATCH_KEPT) return new Int32Array(units);
  if (scratch.length < units) scratch = new Int32Array(Math.min(SCRATCH_KEPT, Math.max(units, 2 * scratch.length)));
  return scratch;
}

/**
 * Which patterns stand in the trie by their first units only (`Anchors`): the rest of such a
 * pattern is compared with the text where those units end, so its trie nodes are `length` at
 * most. For forms of pseudo-random units (hex hashes): no two share a long prefix but by an
 * attacker's brute force, and even then a hit costs one comparison per pattern sharing the
 * anchor plus one pattern's tail (the comparison stops at the first unit that differs).
 */
export interface Anchors {
  /** By pattern index: whether that pattern is anchored (only past `length` units does it matter). */
  anchored: readonly boolean[];
  /** Units of an anchored pattern in the trie. */
  length: number;
}

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
 *
 * A matcher is built per recipient set, so once a message where the recipients change from
 * message to message (the bench mbox, a shared archive): its build is part of the cost of
 * ordinary mail. The trie is built from the forms in sorted order (each form adds the units past
 * its common prefix with the one before: no lookup at all), children as sorted lists in typed
 * arrays, a Map only for the few nodes with more than LIST_MAX children that a row does not
 * cover. Built with a Map keyed by node and unit and 112 KB of fixed tables (a 64 KB first-unit
 * table, a 16 KB pair table, 32 KB of rows) it took 1.11-1.52 s (median 1.21) for 2,000 messages
 * of two new recipients each (scripts/bench-redaction.ts "per message"), against 0.19-0.37 s
 * (median 0.22) before the automaton came in; the FormMatcher constructor was 5.4% of a bench
 * mbox scan. Built this way, with no automaton of prefixes (address-leak.ts) and 32 rows: 0.63 s
 * (0.62-0.98) against 0.20 (0.18-0.36) before the automaton, in the same run (load 30): still
 * about 3 times, most of it the nodes of the six hex hashes of each address (two thirds of the
 * forms' units). Those now stand by their first 16 units only (`Anchors`), their tails compared
 * on a hit: a finder's caseless automaton of two recipients went from about 1,500 nodes to 543,
 * and "per message" to 0.80 s (0.65-1.26) against 0.93 (0.83-1.23) on main; with the build's
 * scratch buffer and one-shot hashes, 0.67 (0.60-1.84) against 0.87 (0.72-1.32) with anchors
 * alone and 1.07 (0.81-1.35) on main (5 alternated rounds, load 16-25). Fewer hex pairs in the
 * trie also let the root skip more: find+mask of 10 x 20,000 URLs 1.36-1.58 s against
 * 1.53-1.80 on main (3 interleaved runs).
 *
 * On ordinary mail nearly every step of a scan is at the root or one or two units into a form, so
 * the shallowest nodes have complete ASCII rows, and at the root the scan jumps by the shortest
 * form's length less one when a pair of units is in no form (`pairs`): find plus mask of 20,000
 * typical click URLs with 3 recipients took 0.54 to 0.72 s with the Map alone, 0.11 to 0.29 s
 * (median 0.12) with rows and pairs, and 0.12 to 0.21 (median 0.13) for `indexOf` per form.
 */
export class FormMatcher {
  /** Unit into each node (its last unit); the root's is 0 and unused. */
  private readonly unitOf: Int32Array;
  /** First child of each node, -1 for none; children are linked by `sibling` in ascending unit order. */
  private readonly firstChild: Int32Array;
  private readonly sibling: Int32Array;
  /** Children of nodes with more than LIST_MAX of them, by node * 0x10000 + unit: those no row answers. */
  private wide: Map<number, number> | undefined;
  private readonly isWide: Int32Array;
  /** Index in `patterns` of the pattern ending at each node, or -1. */
  private readonly term: Int32Array;
  /** The nearest node on the failure chain that ends a pattern, or -1. */
  private readonly dict: Int32Array;
  /** Units of an anchored pattern in the trie (`Anchors`), 0 when none is. */
  private readonly anchorLength: number;
  /** The first anchored pattern whose anchor ends at each node, or -1; the next one sharing it by `anchorNext[pattern]`. */
  private readonly anchorHead: Int32Array;
  private readonly anchorNext: Int32Array;
  /** The nearest node on the failure chain where some anchor ends, or -1 (as `dict` for `term`). */
  private readonly anchorDict: Int32Array;
  private readonly fail: Int32Array;
  /** 1 where some pattern or anchor ends at the node or on its failure chain: one read a step where nothing does. */
  private readonly output: Int32Array;
  /** Length of each node's string: where a hit starts, and the truncated forms (`cut`). */
  readonly depth: Int32Array;
  /** Whether some pattern starts with a unit of 128 or more: else such a unit at the root is passed over at once. */
  private readonly rootNonAscii: boolean;
  /**
   * Complete transitions (failure links already followed) of the shallowest nodes for ASCII
   * units, a row of 128 per node, rows given in breadth-first order: `row[node]`, or -1. On
   * ordinary mail nearly every step is at the root or one or two units into a form (a hex hash
   * starts with any hex digit, so most units of a token enter the automaton and fail at once),
   * and these steps were a lookup each, and another per failure link.
   */
  private readonly row: Int32Array;
  private readonly rows: Int32Array;
  /**
   * Pairs of adjacent units that stand in some pattern, a bit each (by their low 7 bits: a
   * collision only costs a skip). At the root, when the pair at (i + skip - 1, i + skip) is in no
   * pattern, no pattern can start in [i, i + skip - 1], since each is longer than `skip` and
   * would cover both: the scan jumps to i + skip (Wu-Manber's shift, exact here because nothing
   * is pending at the root). `skip` is the shortest pattern's length less one, 0 when some
   * pattern is one unit.
   */
  private readonly pairs: Int32Array;
  private readonly skip: number;
  /** Units of all patterns (the size a scan's cost grows with, besides the text). */
  readonly size: number;
  /** Nodes of the trie, the root included. */
  readonly nodes: number;

  /**
   * `asciiCaseless`: A-Z in the text are read as a-z, so that an ASCII text needs no folded copy
   * (the copy and its garbage were 5% and more of find+mask); the patterns must be folded already.
   * The build ticks once per trie node and per failure step, like a scan. `anchors`: patterns
   * put in the trie by their first units only, the rest compared on a hit.
   */
  constructor(
    readonly patterns: readonly string[],
    private readonly asciiCaseless = false,
    ticker: Ticker = NO_TICKER,
    anchors?: Anchors,
  ) {
    const anchorLength = anchors ? Math.max(1, anchors.length) : 0;
    // What of each pattern the trie holds: all of it, or its anchor.
    const trieLengths = new Int32Array(patterns.length);
    let size = 0;
    let shortest = Number.POSITIVE_INFINITY;
    let deepest = 0;
    for (let p = 0; p < patterns.length; p++) {
      const length = anchors !== undefined && anchors.anchored[p] && patterns[p].length > anchorLength ? anchorLength : patterns[p].length;
      trieLengths[p] = length;
      size += length;
      if (length > 0) shortest = Math.min(shortest, length);
      deepest = Math.max(deepest, length);
    }
    this.size = size;
    this.skip = Number.isFinite(shortest) ? shortest - 1 : 0;
    this.anchorLength = anchorLength;
    // Each distinct text once, under its first index, sorted by its units (the default sort's
    // order, without a comparator called per pair: half the time of sorting indexes by their
    // texts, 30 forms 5-8 us against 11-17). Cutting patterns to their anchors keeps that order
    // but for an anchor that is a prefix of the pattern before's trie text: it adds no node, and
    // `previous` stays the deeper one.
    const firstIndex = new Map<string, number>();
    for (let p = 0; p < patterns.length; p++) if (!firstIndex.has(patterns[p])) firstIndex.set(patterns[p], p);
    const order = Array.from(firstIndex.keys())
      .sort()
      .map((text) => firstIndex.get(text) as number);
    // At most one node a unit: the build's arrays are views of one scratch buffer of that size,
    // then cut to the nodes made into one buffer of the matcher's own (buildScratch).
    const most = size + 1;
    const work = buildScratch(most * BUILD_ARRAYS + deepest + 1);
    const view = (k: number): Int32Array => work.subarray(k * most, (k + 1) * most);
    const [unitOf, firstChild, sibling, lastChild, childCount, term, depth, anchorHead, anchorTail] = Array.from({ length: BUILD_ARRAYS }, (_, k) => view(k));
    work.fill(-1, most, most * 4); // firstChild, sibling, lastChild
    childCount.fill(0);
    work.fill(-1, most * 5, most * 6); // term
    work.fill(-1, most * 7, most * 9); // anchorHead, anchorTail
    // The nodes along the previous pattern's trie text, by depth.
    const path = work.subarray(most * BUILD_ARRAYS, most * BUILD_ARRAYS + deepest + 1);
    path[0] = 0;
    depth[0] = 0;
    unitOf[0] = 0;
    this.anchorNext = new Int32Array(anchorLength > 0 ? patterns.length : 0).fill(-1);
    const pairs = new Int32Array(PAIR_WORDS);
    const { anchorNext } = this;
    let count = 1;
    let rootNonAscii = false;
    // The trie text of `path`: that of the last pattern that added nodes.
    let previous = '';
    let previousLength = 0;
    for (const index of order) {
      const p = patterns[index];
      const length = trieLengths[index];
      let common = 0;
      const limit = Math.min(length, previousLength);
      while (common < limit && p.charCodeAt(common) === previous.charCodeAt(common)) common++;
      // A pair of units is new only where this pattern leaves the one before.
      for (let i = Math.max(0, common - 1); i + 1 < length; i++) {
        const pair = ((p.charCodeAt(i) & 0x7f) << 7) | (p.charCodeAt(i + 1) & 0x7f);
        pairs[pair >> 5] |= 1 << (pair & 31);
      }
      let node = path[common];
      for (let i = common; i < length; i++) {
        ticker.tick();
        const child = count++;
        const unit = p.charCodeAt(i);
        unitOf[child] = unit;
        depth[child] = i + 1;
        // Sorted input: a new child's unit is above every earlier child's.
        if (lastChild[node] === -1) firstChild[node] = child;
        else sibling[lastChild[node]] = child;
        lastChild[node] = child;
        childCount[node]++;
        if (node === 0 && unit >= 128) rootNonAscii = true;
        node = child;
        path[i + 1] = child;
      }
      if (length === 0) continue;
      if (length < p.length) {
        // Anchored: listed at its anchor's node in sorted order, a text given twice once (its first index).
        const last = anchorTail[node];
        if (last === -1) anchorHead[node] = index;
        else if (patterns[last] !== p) anchorNext[last] = index;
        if (last === -1 || patterns[last] !== p) anchorTail[node] = index;
      } else if (term[node] === -1) term[node] = index;
      if (common < length) {
        previous = p;
        previousLength = length;
      }
    }
    this.nodes = count;
    this.rootNonAscii = rootNonAscii;
    // Breadth first, so that each node's failure target (shallower) is done before it (in the
    // scratch's lastChild, no longer needed).
    const queue = lastChild;
    queue[0] = 0;
    let tail = 1;
    for (let head = 0; head < tail; head++) for (let c = firstChild[queue[head]]; c !== -1; c = sibling[c]) queue[tail++] = c;
    const rowCount = Math.min(count, DENSE_ROWS);
    // The matcher's arrays: views of one buffer, so a build allocates once.
    const kept = anchorLength > 0 ? KEPT_ARRAYS + 2 : KEPT_ARRAYS;
    const store = new Int32Array(count * kept + rowCount * 128 + PAIR_WORDS);
    const own = (k: number): Int32Array => store.subarray(k * count, (k + 1) * count);
    this.unitOf = own(0);
    this.unitOf.set(unitOf.subarray(0, count));
    this.firstChild = own(1);
    this.firstChild.set(firstChild.subarray(0, count));
    this.sibling = own(2);
    this.sibling.set(sibling.subarray(0, count));
    this.term = own(3);
    this.term.set(term.subarray(0, count));
    this.depth = own(4);
    this.depth.set(depth.subarray(0, count));
    this.row = own(5).fill(-1);
    this.isWide = own(6);
    this.fail = own(7);
    this.dict = own(8).fill(-1);
    this.output = own(9);
    if (anchorLength > 0) {
      this.anchorHead = own(KEPT_ARRAYS);
      this.anchorHead.set(anchorHead.subarray(0, count));
      this.anchorDict = own(KEPT_ARRAYS + 1).fill(-1);
    } else {
      this.anchorHead = this.anchorDict = EMPTY;
    }
    this.rows = store.subarray(count * kept, count * kept + rowCount * 128);
    this.pairs = store.subarray(count * kept + rowCount * 128);
    this.pairs.set(pairs);
    for (let r = 0; r < rowCount; r++) this.row[queue[r]] = r;
    for (let node = 0; node < count; node++) {
      if (childCount[node] <= LIST_MAX) continue;
      this.isWide[node] = 1;
      this.wide ??= new Map();
      const rowed = this.row[node] !== -1;
      for (let c = firstChild[node]; c !== -1; c = sibling[c]) if (!rowed || unitOf[c] >= 128) this.wide.set(node * 0x10000 + unitOf[c], c);
    }
    const { fail, dict, row, rows, anchorDict, output } = this;
    const anchorsAt = this.anchorHead;
    for (let q = 0; q < count; q++) {
      const node = queue[q];
      const r = row[node];
      if (r !== -1) {
        // The failure target's row (filled already: it is shallower, so earlier in this order and rowed too), then the node's own children.
        if (node !== 0) rows.copyWithin(r * 128, row[fail[node]] * 128, row[fail[node]] * 128 + 128);
        for (let c = firstChild[node]; c !== -1; c = sibling[c]) if (unitOf[c] < 128) rows[r * 128 + unitOf[c]] = c;
      }
      for (let c = firstChild[node]; c !== -1; c = sibling[c]) {
        const target = node === 0 ? 0 : this.step(fail[node], unitOf[c], ticker);
        fail[c] = target;
        dict[c] = term[target] !== -1 ? target : dict[target];
        if (anchorLength > 0) anchorDict[c] = anchorsAt[target] !== -1 ? target : anchorDict[target];
        output[c] = term[c] !== -1 || dict[c] !== -1 || (anchorLength > 0 && (anchorsAt[c] !== -1 || anchorDict[c] !== -1)) ? 1 : 0;
      }
    }
  }

  /** The child of `node` by `unit`, or -1 (no failure link followed); for an ASCII unit only where `node` has no row. */
  private child(node: number, unit: number): number {
    if (this.isWide[node] === 1) return (this.wide as Map<number, number>).get(node * 0x10000 + unit) ?? -1;
    const { unitOf, sibling } = this;
    for (let c = this.firstChild[node]; c !== -1; c = sibling[c]) {
      const u = unitOf[c];
      if (u >= unit) return u === unit ? c : -1;
    }
    return -1;
  }

  /** Where `unit` leads from `node`, failure links followed: the automaton's one transition. */
  private step(from: number, unit: number, ticker: Ticker): number {
    const { row, rows, fail } = this;
    let node = from;
    for (;;) {
      if (unit < 128 && row[node] !== -1) return rows[row[node] * 128 + unit];
      if (node === 0 && unit >= 128 && !this.rootNonAscii) return 0;
      const to = this.child(node, unit);
      if (to !== -1) return to;
      if (node === 0) return 0;
      ticker.tick();
      node = fail[node];
    }
  }

  /**
   * Calls `hit(pattern, first, last)` (units of `text`, inclusive) for the patterns ending at
   * each unit: only the longest there when `longestOnly` (it holds the shorter ones ending
   * there: enough to mask), else all of them. An anchored pattern is reported wherever it
   * stands, `longestOnly` or not, once its anchor is read (before the units of its tail).
   * Ticks once per step, failure links and anchored comparisons included.
   * Returns the node the text ends in: its longest suffix that begins some pattern's trie text.
   */
  scan(text: string, longestOnly: boolean, hit: (pattern: number, first: number, last: number) => void, ticker: Ticker = NO_TICKER): number {
    if (this.size === 0) return 0;
    const { term, dict, patterns, row, rows, asciiCaseless, pairs, skip, anchorLength, anchorHead, anchorNext, anchorDict, output } = this;
    const fold = (u: number): number => (asciiCaseless && u <= 90 && u >= 65 ? u + 32 : u);
    const pairIn = (i: number): boolean => {
      const pair = ((fold(text.charCodeAt(i - 1)) & 0x7f) << 7) | (fold(text.charCodeAt(i)) & 0x7f);
      return (pairs[pair >> 5] & (1 << (pair & 31))) !== 0;
    };
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      ticker.tick();
      // A skip is one step: the deadline is still ticked at least once per `skip` units.
      while (node === 0 && skip > 0 && i + skip < text.length && !pairIn(i + skip)) {
        i += skip;
        ticker.tick();
      }
      let unit = text.charCodeAt(i);
      if (asciiCaseless && unit <= 90 && unit >= 65) unit += 32;
      node = unit < 128 && row[node] !== -1 ? rows[row[node] * 128 + unit] : this.step(node, unit, ticker);
      if (output[node] === 0) continue;
      for (let t = term[node] !== -1 ? node : dict[node]; t !== -1; t = dict[t]) {
        ticker.tick();
        const p = term[t];
        hit(p, i - patterns[p].length + 1, i);
        if (longestOnly) break;
      }
      if (anchorLength === 0) continue;
      for (let a = anchorHead[node] !== -1 ? node : anchorDict[node]; a !== -1; a = anchorDict[a]) {
        for (let p = anchorHead[a]; p !== -1; p = anchorNext[p]) {
          ticker.tick();
          const pattern = patterns[p];
          if (this.tailAt(text, i + 1, pattern)) hit(p, i - anchorLength + 1, i + pattern.length - anchorLength);
        }
      }
    }
    return node;
  }

  /** Whether `text` from `at` holds the units of `pattern` past its anchor (A-Z as a-z when caseless). */
  private tailAt(text: string, at: number, pattern: string): boolean {
    const { anchorLength, asciiCaseless } = this;
    const units = pattern.length - anchorLength;
    if (at + units > text.length) return false;
    for (let k = 0; k < units; k++) {
      let unit = text.charCodeAt(at + k);
      if (asciiCaseless && unit <= 90 && unit >= 65) unit += 32;
      if (unit !== pattern.charCodeAt(anchorLength + k)) return false;
    }
    return true;
  }

  /** The failure target of `node` (a shorter suffix of what was read that also begins some pattern). */
  failOf(node: number): number {
    return this.fail[node];
  }

  /** The nodes along `pattern` (one of `patterns`, not anchored), for its prefixes of 1 to all of its units. */
  pathOf(pattern: string): Int32Array {
    const out = new Int32Array(pattern.length);
    let node = 0;
    // A pattern's own path has no failure link in it, so the transition is the child.
    for (let i = 0; i < pattern.length; i++) out[i] = node = this.step(node, pattern.charCodeAt(i), NO_TICKER);
    return out;
  }
}
