import { parse, SelectorType, type Selector } from 'css-what';
import nthCheck from 'nth-check';

// The namespaces of the elements a tree holds, by the URL a `@namespace` rule names.
const NAMESPACE_OF_URL: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'html',
  'http://www.w3.org/2000/svg': 'svg',
  'http://www.w3.org/1998/Math/MathML': 'math',
  'http://www.w3.org/1999/xlink': 'xlink',
};

/** Pseudo-classes of our own that the normalised selectors use (css-select-adapter.ts answers them). */
export const OWN_PSEUDOS = { namespace: '-pa-namespace', never: '-pa-never', nthOf: '-pa-nth-child-of', readOnly: '-pa-read-only', readWrite: '-pa-read-write' } as const;

/**
 * Rewrites a complex selector parsed by css-what into one css-select compiles, for what it lacks
 * (each as Chromium 150 reads it, proven by test/browser/cases/visibility-selectors.ts):
 * - namespace prefixes: `*|img` is any namespace, `|img` none (no element of a mail's tree),
 *   `h|img` the namespace `@namespace h url(...)` declares (undeclared: the selector is invalid);
 *   `[xl|href]` is `xlink:href` as the tree keys it;
 * - `:-webkit-any(...)` is `:is(...)`;
 * - `:is()` and `:where()` take a forgiving list: an invalid argument is dropped, not the rule
 *   (`ok` decides, from css-selectors.ts); none left matches nothing;
 * - `:nth-child(An+B of S)` becomes a pseudo-class of our own;
 * - `:read-only` and `:read-write` by the HTML standard (css-select counts only text controls).
 * Returns undefined when the selector is invalid.
 */
export function normaliseComplex(complex: Selector[], namespaces: ReadonlyMap<string, string>, ok: (inner: Selector[]) => boolean): Selector[] | undefined {
  const out: Selector[] = [];
  for (const s of complex) {
    const done = normaliseOne(s, namespaces, ok, out);
    if (!done) return undefined;
  }
  return out;
}

function namespaceTest(prefix: string, namespaces: ReadonlyMap<string, string>): Selector | null | undefined {
  if (prefix === '*') return null;
  const url = prefix === '' ? '' : namespaces.get(prefix);
  if (url === undefined) return undefined;
  return { type: SelectorType.Pseudo, name: OWN_PSEUDOS.namespace, data: url === '' ? 'none' : (NAMESPACE_OF_URL[url] ?? 'other') };
}

function normaliseOne(s: Selector, namespaces: ReadonlyMap<string, string>, ok: (inner: Selector[]) => boolean, out: Selector[]): boolean {
  if ((s.type === SelectorType.Tag || s.type === SelectorType.Universal) && s.namespace != null) {
    const test = namespaceTest(s.namespace, namespaces);
    if (test === undefined) return false;
    out.push({ ...s, namespace: null });
    if (test) out.push(test);
    return true;
  }
  if (s.type === SelectorType.Attribute && s.namespace != null) {
    if (s.namespace === '*' || s.namespace === '') {
      out.push({ ...s, namespace: null });
      return true;
    }
    const url = namespaces.get(s.namespace);
    if (url === undefined) return false;
    const ns = NAMESPACE_OF_URL[url];
    // Only xlink attributes carry a namespace in an HTML document's tree (keyed `xlink:href`).
    if (ns !== 'xlink') out.push({ type: SelectorType.Pseudo, name: OWN_PSEUDOS.never, data: null });
    else out.push({ ...s, namespace: null, name: `xlink:${s.name}` });
    return true;
  }
  if (s.type !== SelectorType.Pseudo) {
    out.push(s);
    return true;
  }
  const name = s.name.toLowerCase();
  // css-select's aliases for these (only text controls) win over user pseudo-classes: renamed.
  if ((name === 'read-only' || name === 'read-write') && s.data == null) {
    out.push({ ...s, name: name === 'read-only' ? OWN_PSEUDOS.readOnly : OWN_PSEUDOS.readWrite });
    return true;
  }
  if (name === '-webkit-any' && typeof s.data === 'string') {
    let list: Selector[][];
    try {
      list = parse(s.data);
    } catch {
      return false;
    }
    return normaliseOne({ type: SelectorType.Pseudo, name: 'is', data: list }, namespaces, ok, out);
  }
  if (Array.isArray(s.data)) {
    const forgiving = name === 'is' || name === 'where';
    const inner: Selector[][] = [];
    for (const c of s.data) {
      const n = normaliseComplex(c, namespaces, ok);
      if (n && (!forgiving || ok(n))) inner.push(n);
      else if (!n && !forgiving) return false;
    }
    if (inner.length === 0) out.push({ type: SelectorType.Pseudo, name: OWN_PSEUDOS.never, data: null });
    else out.push({ ...s, data: inner });
    return true;
  }
  if ((name === 'nth-child' || name === 'nth-last-child') && typeof s.data === 'string') {
    const of = splitOf(s.data);
    if (of) {
      try {
        nthCheck(of.formula);
        const list = parse(of.selector);
        if (
          !list.every((c) => {
            const n = normaliseComplex(c, namespaces, ok);
            return n !== undefined && ok(n);
          })
        )
          return false;
      } catch {
        return false;
      }
      // `of S` after the last child is not known in a pre-order walk: left to css-selectors.ts.
      out.push(name === 'nth-child' ? { type: SelectorType.Pseudo, name: OWN_PSEUDOS.nthOf, data: s.data } : s);
      return true;
    }
  }
  out.push(s);
  return true;
}

/** `2n+1 of .a, .b` as its formula and its selector list; undefined without ` of `. */
export function splitOf(data: string): { formula: string; selector: string } | undefined {
  // Blanks made single spaces first (one linear pass), then one search: no backtracking.
  const text = data.replace(/[\t\n\f\r ]+/g, ' ');
  const at = text.toLowerCase().indexOf(' of ');
  if (at < 0) return undefined;
  return { formula: text.slice(0, at).trim(), selector: text.slice(at + 4) };
}
