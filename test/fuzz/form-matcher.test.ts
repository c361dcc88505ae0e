import fc from 'fast-check';
import AhoCorasick from 'modern-ahocorasick';
import { describe, expect, it } from 'vitest';
import { foldCase } from '../../src/url/case-fold.js';
import { FormMatcher } from '../../src/url/form-matcher.js';
import { SEED, TIMEOUT, runsFor } from './harness.js';

/**
 * The hand-written Aho-Corasick matcher (src/url/form-matcher.ts) against plain references: for
 * each form, every `indexOf` occurrence (overlaps included) over the text, and for a case-folded
 * scan the same over a fold built one code point at a time by `toLowerCase`. `npm test` runs a
 * fixed seed, 300 cases a property; `npm run fuzz` with FUZZ_RUNS and FUZZ_SEED runs longer (harness.ts).
 *
 * Rules the matcher documents and the references spell out:
 * - a form is found wherever its UTF-16 units occur, overlaps included, whatever stands around it
 *   (no normalisation: `é` and `e\u0301` are different forms);
 * - the same text given twice is reported under its first index; the empty form is never found;
 * - with `longestOnly`, at each end position only the longest form ending there.
 */

type Hit = [pattern: number, first: number, last: number];

function scanAll(forms: readonly string[], text: string, longestOnly: boolean, asciiCaseless = false): Hit[] {
  const out: Hit[] = [];
  new FormMatcher(forms, asciiCaseless).scan(text, longestOnly, (p, f, l) => out.push([p, f, l]));
  return sorted(out);
}

/** A-Z as a-z, every other unit as is: how an `asciiCaseless` matcher reads a text. */
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Every occurrence of every form by `indexOf`, under the first index of each distinct text. */
function reference(forms: readonly string[], text: string, longestOnly: boolean): Hit[] {
  const out: Hit[] = [];
  forms.forEach((form, p) => {
    if (form.length === 0 || forms.indexOf(form) !== p) return;
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) out.push([p, at, at + form.length - 1]);
  });
  if (!longestOnly) return sorted(out);
  const longest = new Map<number, Hit>();
  for (const h of out) {
    const best = longest.get(h[2]);
    if (!best || h[2] - h[1] > best[2] - best[1]) longest.set(h[2], h);
  }
  return sorted([...longest.values()]);
}

function sorted(hits: Hit[]): Hit[] {
  return hits.sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0]);
}

/** The fold the caseless matcher reads, rebuilt naively: each code point alone decomposed (NFKD, so NFC, NFD and full-width forms fold alike), lower-cased, decomposed again, final sigma as sigma. */
function naiveFold(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    const lower = char.normalize('NFKD').toLowerCase().normalize('NFKD').replaceAll('\u03c2', '\u03c3');
    for (let k = 0; k < lower.length; k++) {
      from.push(i);
      to.push(i + char.length);
    }
    out += lower;
    i += char.length;
  }
  return { text: out, from, to };
}

// Letters chosen to collide: shared prefixes and forms inside forms come from a small alphabet;
// İ (folds to two units), ß (folds to itself, upper-cases to SS), Σ/σ/ς (final sigma), K and
// the Kelvin sign K, an astral letter (two units) and a combining mark.
const ALPHABET = ['a', 'b', 'A', '@', '.', '%', '4', '0', 'İ', 'i', '\u0307', 'ß', 'S', 's', 'Σ', 'σ', 'ς', 'K', '\u212a', 'k', '𝐀', '😀', 'é', 'e', '\u0301'];
const unit = fc.constantFrom(...ALPHABET);
const form = fc.array(unit, { minLength: 0, maxLength: 6 }).map((a) => a.join(''));
const forms = fc.array(form, { minLength: 0, maxLength: 8 });

/** A text made of the forms themselves (whole, cut, repeated, glued) and random letters between. */
function textOf(formSet: readonly string[]): fc.Arbitrary<string> {
  const piece =
    formSet.length === 0
      ? unit
      : fc.oneof(
          unit,
          fc.constantFrom(...formSet),
          fc.tuple(fc.constantFrom(...formSet), fc.nat(), fc.nat()).map(([f, a, b]) => f.slice(Math.min(a, b) % (f.length + 1), Math.max(a, b) % (f.length + 1))),
        );
  return fc.array(piece, { maxLength: 24 }).map((a) => a.join(''));
}

const params = { seed: SEED, numRuns: runsFor(300) };

/** Exact scans over these form lists, all hits and the longest, equal indexOf per form (a third of the runs: each list is long). */
function agreesOn(formLists: fc.Arbitrary<string[]>): void {
  fc.assert(
    fc.property(
      formLists.chain((f) => fc.tuple(fc.constant(f), textOf(f))),
      ([f, text]) => {
        expect(scanAll(f, text, false)).toEqual(reference(f, text, false));
        expect(scanAll(f, text, true)).toEqual(reference(f, text, true));
      },
    ),
    { ...params, numRuns: Math.max(1, Math.floor(params.numRuns / 3)) },
  );
}

describe('FormMatcher equals indexOf per form', () => {
  it(
    'exact scan: every occurrence, and the longest at each end',
    () => {
      fc.assert(
        fc.property(
          forms.chain((f) => fc.tuple(fc.constant(f), textOf(f))),
          ([f, text]) => {
            expect(scanAll(f, text, false)).toEqual(reference(f, text, false));
            expect(scanAll(f, text, true)).toEqual(reference(f, text, true));
            // Read caselessly: as if over the text with A-Z lowered (the forms folded already).
            const lowered = f.map(asciiLower);
            expect(scanAll(lowered, text, false, true)).toEqual(reference(lowered, asciiLower(text), false));
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'exact scan over many forms: past the dense rows of the shallowest nodes, deeper ones by their sorted lists',
    () => {
      const many = fc.array(
        fc.array(fc.constantFrom('a', 'b', 'c', '@', '.', 'é', '😀'), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
        { minLength: 20, maxLength: 60 },
      );
      agreesOn(many);
    },
    TIMEOUT,
  );

  it(
    'exact scan over a wide alphabet: nodes of more than eight children found through their map, with and without a row',
    () => {
      // 30 units, ASCII and not, forms of one to four: the root and many shallow nodes get more
      // than eight children, and with over 64 nodes some of those have no ASCII row.
      const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', '@', '.', '%', 'é', 'ü', '\u0301', 'İ', '😀', '\uffff'];
      const wide = fc.array(
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
        { minLength: 30, maxLength: 150 },
      );
      agreesOn(wide);
    },
    TIMEOUT,
  );

  it(
    'the node a scan ends in is the longest suffix of the text that begins some form, and its failure chain every shorter one',
    () => {
      fc.assert(
        fc.property(
          forms.chain((f) => fc.tuple(fc.constant(f), textOf(f))),
          ([f, text]) => {
            const matcher = new FormMatcher(f);
            const chain: number[] = [];
            for (let node = matcher.scan(text, false, () => {}); node !== 0; node = matcher.failOf(node)) chain.push(matcher.depth[node]);
            const expected: number[] = [];
            for (let d = text.length; d > 0; d--) if (f.some((x) => x.startsWith(text.slice(text.length - d)))) expected.push(d);
            expect(chain).toEqual(expected);
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'caseless scan: foldCase equals the naive fold, and hits mapped back are those of indexOf over it',
    () => {
      fc.assert(
        fc.property(
          forms.chain((f) => fc.tuple(fc.constant(f), textOf(f))),
          ([f, text]) => {
            const folded = foldCase(text);
            const naive = naiveFold(text);
            expect(folded.text).toBe(naive.text);
            // Without maps each unit stands for itself (a surrogate pair unit by unit); with them, for its code point.
            for (let k = 0; k < naive.text.length; k++) {
              if (folded.start && folded.end) expect([folded.start[k], folded.end[k]]).toEqual([naive.from[k], naive.to[k]]);
              else expect(naive.from[k] <= k && k < naive.to[k] && naive.text.length === text.length).toBe(true);
            }
            const foldedForms = f.map((x) => foldCase(x.toLowerCase()).text);
            expect(scanAll(foldedForms, folded.text, false)).toEqual(reference(foldedForms, naive.text, false));
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'a form written anywhere, in any case, is found at exactly the span it was written at',
    () => {
      fc.assert(
        fc.property(
          form.filter((x) => x.length > 0),
          textOf([]),
          textOf([]),
          fc.array(fc.boolean(), { maxLength: 6 }),
          (f, before, after, upper) => {
            // Upper-case only where folding the upper case gives the letter back (ß -> SS does not).
            const written = Array.from(f)
              .map((c, i) => (upper[i] && naiveFold(c.toUpperCase()).text === naiveFold(c).text ? c.toUpperCase() : c))
              .join('');
            const text = before + written + after;
            const folded = foldCase(text);
            const spans: Array<[number, number]> = [];
            new FormMatcher([foldCase(f.toLowerCase()).text]).scan(folded.text, true, (_, first, last) => spans.push([folded.start ? folded.start[first] : first, folded.end ? folded.end[last] : last + 1]));
            expect(spans).toContainEqual([before.length, before.length + written.length]);
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'equals modern-ahocorasick "all" on text without combining marks or astral characters',
    () => {
      const plain = fc.constantFrom('a', 'b', '@', '.', '%', '4', 'é', 'ß');
      const plainForm = fc.array(plain, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
      fc.assert(
        fc.property(
          fc.uniqueArray(plainForm, { minLength: 1, maxLength: 8 }).chain((f) =>
            fc.tuple(
              fc.constant(f),
              fc.array(fc.oneof(plain, fc.constantFrom(...f)), { maxLength: 24 }).map((a) => a.join('')),
            ),
          ),
          ([f, text]) => {
            const library = new AhoCorasick(f).search(text).map((m): Hit => [m.patternIndex, m.start, m.end - 1]);
            expect(scanAll(f, text, false)).toEqual(sorted(library));
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );
});

/**
 * Anchored patterns (`Anchors`: only their first units in the trie, the rest compared on a hit)
 * against the same references: every occurrence of every pattern is reported with all hits; with
 * `longestOnly`, the longest pattern not anchored at each end (as without anchors) and every
 * anchored occurrence, wherever it ends. Short anchors (1 to 4 units) over the small alphabet, so
 * that anchors are shared, are prefixes of other forms and of each other, and stand inside forms.
 */
function anchoredReference(forms: readonly string[], anchored: readonly boolean[], length: number, text: string, longestOnly: boolean): Hit[] {
  const all = reference(forms, text, false);
  if (!longestOnly) return all;
  const isAnchored = (p: number): boolean => anchored[p] && forms[p].length > length;
  const longest = reference(
    forms.map((f, p) => (isAnchored(p) ? '' : f)),
    text,
    true,
  );
  // An empty stand-in keeps indexes; a text given twice, anchored under its first index, is anchored for both.
  const anchoredHits = all.filter(([p]) => isAnchored(p));
  const plainLongest = longest.filter(([p]) => !isAnchored(forms.indexOf(forms[p])));
  return sorted([...plainLongest, ...anchoredHits]);
}

describe('anchored patterns equal indexOf per form', () => {
  // Two letters make forms that extend one another and anchors that are prefixes of other forms
  // (the order of the trie's build); the wider set brings case, non-ASCII and astral units.
  const formsOver = (letters: string[]): fc.Arbitrary<string[]> =>
    fc.array(
      fc.array(fc.constantFrom(...letters), { minLength: 0, maxLength: 8 }).map((a) => a.join('')),
      { minLength: 0, maxLength: 16 },
    );
  const anchoredForms = fc.oneof(formsOver(['a', 'b']), formsOver(['a', 'b', 'A', 'é', '😀']));
  const setup = anchoredForms.chain((f) => fc.tuple(fc.constant(f), fc.array(fc.boolean(), { minLength: f.length, maxLength: f.length }), fc.integer({ min: 1, max: 4 }), textOf(f), fc.boolean()));

  it(
    'every occurrence with all hits; with longestOnly the longest plain one at each end and every anchored one',
    () => {
      fc.assert(
        fc.property(setup, ([f, anchored, length, text, caseless]) => {
          // A text given twice must be anchored or not alike: the matcher keeps the first index's choice.
          const flags = f.map((x, p) => anchored[f.indexOf(x)] ?? anchored[p]);
          const forms2 = caseless ? f.map(asciiLower) : f;
          const flags2 = forms2.map((x) => flags[forms2.indexOf(x)]);
          const read = caseless ? asciiLower(text) : text;
          for (const longestOnly of [false, true]) {
            const out: Hit[] = [];
            new FormMatcher(forms2, caseless, undefined, { anchored: flags2, length }).scan(text, longestOnly, (p, first, last) => out.push([p, first, last]));
            expect(sorted(out)).toEqual(anchoredReference(forms2, flags2, length, read, longestOnly));
          }
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'a hash written in a longer hex run, in any case, cut or not, is found exactly where indexOf finds it (16-unit anchors as address-leak.ts uses)',
    () => {
      const hex = fc.array(fc.constantFrom(...Array.from('0123456789abcdefABCDEF')), { minLength: 0, maxLength: 80 }).map((a) => a.join(''));
      fc.assert(
        fc.property(fc.array(hex, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(hex, fc.nat()), { maxLength: 8 }), (forms2, pieces) => {
          const folded = forms2.map((x) => x.toLowerCase());
          // Pieces are random hex or (by a number) one of the forms whole or cut, in random case.
          const text = pieces
            .map((x) => {
              if (typeof x === 'string') return x;
              const form = forms2[x % forms2.length];
              const cut = form.slice(0, form.length - (x % 3 === 0 ? 1 : 0));
              return x % 2 === 0 ? cut.toUpperCase() : cut;
            })
            .join('');
          const flags = folded.map(() => true);
          const out: Hit[] = [];
          new FormMatcher(folded, true, undefined, { anchored: flags, length: 16 }).scan(text, false, (p, first, last) => out.push([p, first, last]));
          expect(sorted(out)).toEqual(reference(folded, asciiLower(text), false));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it('ticks once per anchored comparison too: an anchor repeated without its tail still counts every check', () => {
    let ticks = 0;
    const counted = {
      tick() {
        ticks++;
      },
    };
    const hash = '0123456789abcdef0123456789abcdef';
    const matcher = new FormMatcher([hash, `${hash.slice(0, 16)}ffff`], true, undefined, { anchored: [true, true], length: 16 });
    const text = hash.slice(0, 16).repeat(50);
    matcher.scan(text, true, () => {}, counted);
    // One step per unit, and two comparisons at each of the 50 anchors.
    expect(ticks).toBeGreaterThanOrEqual(text.length + 2 * 50);
  });
});

describe('why the matcher is hand-written (the claims in its comment)', () => {
  const address = 'reader@example.org';

  it('modern-ahocorasick matches whole grapheme clusters: a combining mark after an address hides it; ours finds it', () => {
    const text = `https://t.example/o?e=${address}\u0301`;
    expect(new AhoCorasick([address]).search(text)).toEqual([]);
    expect(scanAll([address], text, false)).toEqual([[0, 22, 22 + address.length - 1]]);
  });

  it('its build reports every node it makes to the deadline too: the forms come from the message', () => {
    let ticks = 0;
    const counted = {
      tick() {
        ticks++;
      },
    };
    const matcher = new FormMatcher(['reader@example.org', 'reader@example.net', 'other@example.org'], false, counted);
    expect(ticks).toBeGreaterThanOrEqual(matcher.nodes - 1);
  });

  it('ours reports every unit it reads to the deadline (modern-ahocorasick 3.3 search takes text and options, no callback)', () => {
    let ticks = 0;
    new FormMatcher([address]).scan(address.repeat(3), false, () => {}, {
      tick() {
        ticks++;
      },
    });
    expect(ticks).toBeGreaterThanOrEqual(3 * address.length);
  });
});
