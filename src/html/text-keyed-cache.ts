/** The bounds of a TextKeyedCache; it is emptied when a new entry would pass either. */
export interface CacheBounds {
  /** Characters of all keys together. */
  maxChars: number;
  /** Entries at most (a cache of short keys is bounded by its entries, not its characters). */
  maxEntries?: number;
  /** A longer key is never kept (default: a sixteenth of maxChars). */
  maxKeyChars?: number;
}

/**
 * A per-worker cache keyed by a text taken from a message (a style sheet, an inline style, a
 * length, a host) for what a sender's template repeats message after message. Bounded by the
 * characters of its keys and by its entries, and emptied when full, so memory stays flat however
 * many messages pass.
 *
 * Each key kept is a copy of its own (ownText), and the value is computed from that copy: the
 * texts of a message are slices of its whole HTML or header block, and V8 keeps the whole
 * string alive for as long as any slice of it lives. Kept as they were, the keys held one
 * message's HTML per entry: 12.8 MB of one worker's heap after 2,696 messages of the benchmark
 * mbox for the inline styles alone, growing with every new message until the bound emptied it.
 */
export class TextKeyedCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;
  private readonly maxChars: number;
  private readonly maxEntries: number;
  private readonly maxKeyChars: number;

  constructor(bounds: CacheBounds) {
    this.maxChars = bounds.maxChars;
    this.maxEntries = bounds.maxEntries ?? Number.POSITIVE_INFINITY;
    this.maxKeyChars = bounds.maxKeyChars ?? bounds.maxChars / 16;
  }

  /** The value kept for `key`, or `compute(key)`, kept when the key is small enough. `compute` gets the copy that is kept: what it returns may hold slices of it. */
  get(key: string, compute: (key: string) => V): V {
    // One lookup on a hit (a value may be undefined: only then is `has` asked too). Each lookup
    // of a sliced key compares it with the kept one, character by character.
    const kept = this.entries.get(key);
    if (kept !== undefined || this.entries.has(key)) return kept as V;
    if (key.length > this.maxKeyChars) return compute(key);
    const own = ownText(key);
    const value = compute(own);
    if (this.chars + own.length > this.maxChars || this.entries.size >= this.maxEntries) this.clear();
    this.entries.set(own, value);
    this.chars += own.length;
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

/**
 * `text` as a string that holds no other string alive. A slice (`html.slice(a, b)`, a URL's
 * hostname) of 13 characters or more is, in V8, a view into its parent, and a concatenation a
 * pair of pointers; taking a slice of a fresh concatenation makes V8 flatten it into a new
 * string one character longer and view that instead. test/text-keyed-cache.test.ts proves that
 * kept copies free their parents.
 */
export function ownText(text: string): string {
  return ` ${text}`.slice(1);
}
