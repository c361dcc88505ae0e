import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * How the fuzz suite runs. In `npm test`: a fixed seed and a small count per property, so the
 * run is the same every time and stays short. `npm run fuzz` with FUZZ_RUNS (cases per property)
 * and FUZZ_SEED runs longer and prints what it ran.
 *
 * - FUZZ_RUNS   cases per property (default: each property's own small count)
 * - FUZZ_SEED   seed (default fixed); every failure prints the seed and path that replay it
 * - FUZZ_PATH   with FUZZ_SEED, replays exactly one failing case (from a failure's message)
 * - FUZZ_IGNORE a regular expression: failures whose message matches count as ignored, not
 *               failed, to hunt for new bugs while known ones are still open
 * - FUZZ_COLLECT=1 hunting mode: no property stops at a failure; each distinct kind of failure is
 *               counted, its first case saved to FUZZ_FOUND_DIR, and a table printed at the end
 * - FUZZ_TIME_LIMIT_MS  stop a property after this long (mostly bounds shrinking); default 10 s in npm test,
 *                       none in long runs
 * - FUZZ_BUDGET_MS      the time one message may take (default 3000: generous, the machine is shared)
 * - FUZZ_MAX_RUN        longest run of blanks or digits in hostile CSS (default 3000)
 */
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20260901;
const RUNS = process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : undefined;
const PATH = process.env.FUZZ_PATH;
const IGNORE = process.env.FUZZ_IGNORE ? new RegExp(process.env.FUZZ_IGNORE, 's') : undefined;
const COLLECT = process.env.FUZZ_COLLECT === '1';
// A long run must run every case it was asked for: no limit unless one is given.
const TIME_LIMIT = Number(process.env.FUZZ_TIME_LIMIT_MS ?? (process.env.FUZZ_RUNS !== undefined ? Number.POSITIVE_INFINITY : 10_000));
export const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 3000);
/** Where a failing case's bytes are written, to be shrunk by hand into fixtures/fuzz/. */
export const FOUND_DIR = process.env.FUZZ_FOUND_DIR ?? path.join(ROOT, '.scratch', 'fuzz-found');

/** A long run (FUZZ_RUNS set) prints what it did; the normal test run stays quiet. */
export const LONG = RUNS !== undefined;

/** The vitest timeout for a property: generous for the default count, unbounded for long runs. */
export const TIMEOUT = LONG ? 0 : 120_000;

const scratch: string[] = [];

/** A fresh folder for one case, removed when the case is done (a long run makes 100,000 of them). */
export function scratchDir(prefix = 'pixelaudit-fuzz-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Removes every scratch folder made so far. */
export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function runsFor(defaultRuns: number): number {
  return RUNS ?? defaultRuns;
}

/** The bytes of every generated input in a counterexample, so a failure can be looked at as a file. */
function saveCounterexample(name: string, values: unknown[]): string[] {
  const saved: string[] = [];
  mkdirSync(FOUND_DIR, { recursive: true });
  values.forEach((v, i) => {
    if (v && typeof v === 'object' && 'bytes' in v && Buffer.isBuffer(v.bytes)) {
      const file = path.join(FOUND_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.${SEED}.${i}.${'messages' in v ? 'mbox' : 'eml'}`);
      writeFileSync(file, (v as { bytes: Buffer }).bytes);
      saved.push(file);
    }
  });
  return saved;
}

/**
 * Runs one property with the suite's seed and count. A failure becomes an error that names the
 * seed, the path, the shrunk case and the file its bytes were saved to, and the command that
 * replays it.
 */
export async function checkProperty<T extends unknown[]>(name: string, arbitraries: { [K in keyof T]: fc.Arbitrary<T[K]> }, predicate: (...args: T) => Promise<void>, defaultRuns: number): Promise<void> {
  let ignored = 0;
  const kinds = new Map<string, { count: number; first: string; saved: string[] }>();
  // fast-check types asyncProperty per arity; the arbitraries here are a tuple of any length.
  const asyncProperty = fc.asyncProperty as unknown as (...parts: unknown[]) => fc.IAsyncProperty<T>;
  const property = asyncProperty(...(arbitraries as unknown[]), async (...args: T) => {
    try {
      await predicate(...args);
      removeScratch();
    } catch (error) {
      const text = (error as Error)?.message ?? String(error);
      if (IGNORE && IGNORE.test(text)) {
        ignored++;
        return;
      }
      if (!COLLECT) throw error;
      // One kind per promise and wording, numbers and quoted text left out.
      const kind = text
        .replace(/"[^"]*"/g, '"…"')
        .replace(/\d+/g, 'N')
        .slice(0, 100);
      const seen = kinds.get(kind);
      if (seen) seen.count++;
      else kinds.set(kind, { count: 1, first: text.slice(0, 300), saved: saveCounterexample(`${name}-${kinds.size + 1}`, args) });
    }
  });
  const numRuns = runsFor(defaultRuns);
  const started = performance.now();
  const details = await fc.check(property, {
    seed: SEED,
    numRuns,
    ...(PATH ? { path: PATH } : {}),
    plugins: Number.isFinite(TIME_LIMIT) ? [fc.interruptAfterTimeLimit(TIME_LIMIT)] : [],
  });
  removeScratch();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (LONG || details.failed || details.interrupted) {
    const status = details.failed ? 'FAILED' : details.interrupted ? 'interrupted (time limit)' : 'ok';
    console.log(`fuzz: ${name}: ${details.numRuns} cases, seed ${SEED}, ${seconds} s, ${ignored} ignored, ${status}`);
  }
  for (const [kind, k] of kinds) console.log(`fuzz: ${name}: ${k.count} x ${kind}\n    first: ${k.first}\n    saved: ${k.saved.join(', ')}`);
  if (!details.failed) return;
  const saved = details.counterexample ? saveCounterexample(name, details.counterexample as unknown[]) : [];
  const message = [
    `property "${name}" failed after ${details.numRuns} cases (${details.numShrinks} shrinks)`,
    `replay: ${replayCommand(details.counterexamplePath)}`,
    `case: ${fc.stringify(details.counterexample).slice(0, 2000)}`,
    ...(saved.length ? [`bytes saved to: ${saved.join(', ')}`] : []),
    `error: ${(details.errorInstance as Error)?.message ?? String(details.errorInstance)}`,
  ].join('\n');
  throw new Error(message);
}

/** The command that runs this one case again: the test file, its title as a pattern, seed and path. */
function replayCommand(counterexamplePath: string | null): string {
  const state = expect.getState();
  const file = state.testPath ? path.relative(ROOT, state.testPath) : 'test/fuzz';
  const title = (state.currentTestName ?? '').split(' > ').pop() ?? '';
  const pattern = title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return `FUZZ_SEED=${SEED} FUZZ_PATH=${counterexamplePath} npx vitest run ${file} -t '${pattern}'`;
}
