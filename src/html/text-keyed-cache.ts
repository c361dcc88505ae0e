/**
 * A per-worker cache keyed by a text (a style sheet, an inline style) for what a sender's
 * template repeats message after message. Bounded by the characters of its keys: a key longer
 * than a sixteenth of the bound is never kept, and the cache is emptied when full, so memory
 * stays flat however many messages pass.
 */
export class TextKeyedCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** The value kept for `key`, or `compute(key)`, kept when the key is small enough. */
  get(key: string, compute: (key: string) => V): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = compute(key);
    if (key.length <= this.maxChars / 16) {
      if (this.chars + key.length > this.maxChars) this.clear();
      this.entries.set(key, value);
      this.chars += key.length;
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
