/** Where one cached result lies in its file. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * UID -> byte span of the newest line for that UID, in 16 bytes per entry (typed arrays, not a
 * Map of objects, so 200,000 entries cost about 3 MB). Lines are added in file order while the
 * file is streamed; `seal()` then sorts once and keeps the last line of each UID, since a later
 * line for the same UID was written by a later run and supersedes the earlier one.
 */
export class UidIndex {
  private uids = new Uint32Array(1024);
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;
  private sealed = false;
  /** Lines added after seal() (results written by this run): few, so a Map is fine. */
  private readonly tail = new Map<number, Span>();
  /** Lines seen that a later line for the same UID supersedes. */
  duplicates = 0;

  /** Records one line while streaming the file; file order matters (the last one wins). */
  add(uid: number, offset: number, length: number): void {
    if (this.sealed) {
      if (this.tail.has(uid) || this.findSealed(uid) !== -1) this.duplicates++;
      this.tail.set(uid, { offset, length });
      return;
    }
    if (this.count === this.uids.length) this.grow();
    this.uids[this.count] = uid;
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.count++;
  }

  /** Sorts by UID and drops superseded lines; called once the whole file has been streamed. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const n = this.count;
    let ordered = true;
    for (let i = 1; i < n && ordered; i++) ordered = this.uids[i - 1] < this.uids[i];
    // Runs append in ascending UID order, so the usual file needs no sort at all.
    if (ordered) return this.shrink();
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Same UID: the later line last, so the dedupe below keeps it.
    order.sort((a, b) => this.uids[a] - this.uids[b] || a - b);
    const uids = new Uint32Array(n);
    const offsets = new Float64Array(n);
    const lengths = new Uint32Array(n);
    let k = 0;
    for (let j = 0; j < n; j++) {
      const i = order[j];
      if (k > 0 && uids[k - 1] === this.uids[i]) {
        this.duplicates++;
        k--;
      }
      uids[k] = this.uids[i];
      offsets[k] = this.offsets[i];
      lengths[k] = this.lengths[i];
      k++;
    }
    this.uids = uids;
    this.offsets = offsets;
    this.lengths = lengths;
    this.count = k;
    this.shrink();
  }

  get(uid: number): Span | undefined {
    const t = this.tail.get(uid);
    if (t) return t;
    const i = this.findSealed(uid);
    return i === -1 ? undefined : { offset: this.offsets[i], length: this.lengths[i] };
  }

  /** Distinct UIDs indexed. */
  get size(): number {
    let extra = 0;
    for (const uid of this.tail.keys()) if (this.findSealed(uid) === -1) extra++;
    return this.count + extra;
  }

  /** Every live entry in ascending UID order (for compaction). */
  *entries(): Generator<{ uid: number } & Span> {
    const tailUids = [...this.tail.keys()].sort((a, b) => a - b);
    let t = 0;
    for (let i = 0; i < this.count; i++) {
      const uid = this.uids[i];
      while (t < tailUids.length && tailUids[t] < uid) yield { uid: tailUids[t], ...this.tail.get(tailUids[t++])! };
      if (tailUids[t] === uid) yield { uid, ...this.tail.get(tailUids[t++])! };
      else yield { uid, offset: this.offsets[i], length: this.lengths[i] };
    }
    while (t < tailUids.length) yield { uid: tailUids[t], ...this.tail.get(tailUids[t++])! };
  }

  private findSealed(uid: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.uids[mid];
      if (v === uid) return mid;
      if (v < uid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private grow(): void {
    const size = this.uids.length * 2;
    const uids = new Uint32Array(size);
    uids.set(this.uids);
    const offsets = new Float64Array(size);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.uids = uids;
    this.offsets = offsets;
    this.lengths = lengths;
  }

  private shrink(): void {
    this.uids = this.uids.slice(0, this.count);
    this.offsets = this.offsets.slice(0, this.count);
    this.lengths = this.lengths.slice(0, this.count);
  }
}
