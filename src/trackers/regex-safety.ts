import { createRequire } from 'node:module';
import type * as Recheck from 'recheck';

/**
 * The checker's settings that make its verdict a function of the expression alone. recheck's
 * fuzzer stops an attack string, an incubation or a seeding run after so many milliseconds and
 * takes a run cut short as evidence: on a machine loaded 15-25 deep the built-in `sendy-click`
 * path (`/l/[A-Za-z0-9]{16,}/[A-Za-z0-9]{16,}/`) came out "vulnerable" where it is linear. With
 * those time limits off, each step is bounded by recheck's character counts instead
 * (`attackLimit`, `incubationLimit`, `seedingLimit`), the seed is fixed and the timed recall
 * validation is skipped, so the same expression gets the same verdict on any machine. Measured
 * 2026-12-01 on the 599 built-in and CNAME expressions, unloaded: 42 s in all, every one safe,
 * the slowest `iterable-click.path` at 9 s. (`checker: 'automaton'` alone was tried: it rejects
 * look-aheads, 6 built-in expressions, and took 424 s on `maropost-open.path`.)
 */
const DETERMINISTIC = { attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: -1, randomSeed: 0 } as const;

/**
 * Why a pattern's expression would not be safe to run over attacker-written URLs, or undefined.
 *
 * recheck (makenowjust-labs, MIT) decides whether a JavaScript regular expression can backtrack
 * super-linearly, by automata theory with a fuzzing fallback: it catches nested quantifiers
 * (`^/(a+)+$`), overlapping alternatives under a quantifier (`^/o/(a|a)*$`) and polynomial shapes
 * (`a.*b.*c`), where safe-regex2 passed `(a|a)*` and redos-detector flagged linear shapes such as
 * `\.gif$|/\d+$` and ran for minutes on `(a|a)*` with a higher score limit.
 *
 * `timeoutMs` bounds the whole check (a user's rule file must load in bounded time): past it the
 * expression is refused as not proven, never passed. `null` (the built-in data's test) sets no
 * bound, so nothing in the answer depends on the machine's load.
 *
 * Loaded only when a user rule file is checked (the built-in data is checked by
 * test/regex-safety.test.ts), so the default run does not pay for it.
 */
export function superLinearReason(source: string, flags: string, timeoutMs: number | null = 10_000): string | undefined {
  const result = recheck().checkSync(source, flags, { ...DETERMINISTIC, timeout: timeoutMs });
  if (result.status === 'safe') return undefined;
  if (result.status === 'vulnerable') {
    const how = result.complexity.type === 'exponential' ? 'exponentially' : `in polynomial time (degree ${String(result.complexity.degree)})`;
    return `can backtrack ${how} on a crafted URL (${result.complexity.summary}), which would hang the scan; write it so that each character can be matched one way only`;
  }
  const why = result.error.kind === 'timeout' && timeoutMs !== null ? `in ${timeoutMs / 1000} s` : `(${result.error.kind})`;
  return `could not be proven to run in linear time ${why}; write it more simply`;
}

let loaded: typeof Recheck | undefined;
function recheck(): typeof Recheck {
  // recheck is CommonJS; a synchronous require keeps loading the rules synchronous.
  loaded ??= createRequire(import.meta.url)('recheck') as typeof Recheck;
  return loaded;
}

/**
 * Why an expression cannot be joined with others into one alternation (the matcher's prefilter
 * of anyHost paths), or undefined: a named group (two patterns naming the same group make the
 * joined expression invalid) or a back-reference (`\1` counts groups of the whole joined
 * expression, so it would point at another pattern's group). Read with the RegExp grammar's own
 * tokens: an escape is a backslash and the next character, a class runs to its unescaped `]`.
 */
export function joinBreakingReason(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9k]/.test(next)) return `uses a back-reference (\\${next}...); pattern expressions may not refer to their own groups`;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      return 'uses a named group (?<name>...); use (?:...) instead: expressions are joined and two groups of one name would clash';
    }
  }
  return undefined;
}
