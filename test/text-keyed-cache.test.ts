import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownText, TextKeyedCache } from '../src/html/text-keyed-cache.js';

// A full collection on demand, to see what the kept keys hold alive (not a timing: a heap size).
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth, in MB, of keeping `keep(slice)` for a 30-character slice of each of 40 fresh 1 MB texts. */
function retainedMb(keep: (slice: string, i: number) => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 40; i++) {
    // One-byte, flat, 1 MB, different each time: what a message's HTML is to V8.
    const html = `<p style="x${i}">`.padEnd(1 << 20, `${i} `);
    keep(html.slice(3, 33), i);
  }
  gc();
  return (process.memoryUsage().heapUsed - before) / 1e6;
}

describe('TextKeyedCache', () => {
  it('keeps a copy of each key, never the message text the key was sliced from', () => {
    const plain = new Map<string, number>();
    // The control: a slice kept as it is holds its whole 1 MB text (this is what the caches did).
    expect(retainedMb((slice, i) => plain.set(slice, i))).toBeGreaterThan(30);
    const cache = new TextKeyedCache<string>({ maxChars: 1_000_000 });
    // The value is computed from the kept copy: a slice of it holds only the copy.
    const kept = retainedMb((slice) => cache.get(slice, (own) => own.slice(2, 20)));
    expect(cache.size).toBe(40);
    expect(kept).toBeLessThan(5);
    plain.clear();
  });

  it('ownText gives an equal string', () => {
    const text = 'x'.repeat(100) + 'é€😀';
    const slice = text.slice(50);
    expect(ownText(slice)).toBe(slice);
    expect(ownText('')).toBe('');
    expect(ownText('ab')).toBe('ab');
  });

  it('is emptied when its characters or entries would pass the bound, and never keeps a longer key', () => {
    const cache = new TextKeyedCache<number>({ maxChars: 100, maxEntries: 3, maxKeyChars: 40 });
    let computed = 0;
    const get = (key: string): number => cache.get(key, (k) => (computed++, k.length));
    get('a');
    get('b');
    get('c');
    expect(cache.size).toBe(3);
    get('a');
    expect(computed).toBe(3);
    get('d'); // a fourth entry: emptied first
    expect(cache.size).toBe(1);
    get('x'.repeat(41)); // too long to keep
    expect(cache.size).toBe(1);
    get('y'.repeat(40));
    get('z'.repeat(40));
    get('w'.repeat(40)); // 121 characters would pass 100
    expect(cache.size).toBe(1);
    // Undefined is a value like any other (a selector that compiles to nothing).
    const maybe = new TextKeyedCache<undefined>({ maxChars: 100 });
    let calls = 0;
    const none = (): undefined => {
      calls++;
      return undefined;
    };
    maybe.get('k', none);
    maybe.get('k', none);
    expect(calls).toBe(1);
  });
});
