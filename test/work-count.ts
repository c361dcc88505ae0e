import { Session } from 'node:inspector';

/**
 * How much JavaScript a call runs, counted rather than timed: V8's precise block coverage gives
 * the exact number of times each function and each block inside it ran, so the sum is the
 * same on an idle machine and on one loaded 25 deep (a wall or CPU time is not: the timed
 * ratios test/linear-time.test.ts used before failed at load 15-25). It counts JavaScript only,
 * ours and the libraries' (parse5, the CSS tokenizer, css-select, mailparser); work done inside
 * a native builtin, such as a regular expression backtracking, is one call, which is why every
 * expression over message content is kept out of the hot paths or proven linear by
 * test/regex-safety.test.ts.
 */
export class WorkCounter {
  private readonly session = new Session();

  constructor() {
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }

  /** The blocks `run` executes (a synchronous call: nothing else runs in between). */
  count(run: () => unknown): number {
    this.take();
    run();
    return this.take();
  }

  /** The blocks an asynchronous call executes, with whatever else ran meanwhile (little in one test file). */
  async countAsync(run: () => Promise<unknown>): Promise<number> {
    this.take();
    await run();
    return this.take();
  }

  close(): void {
    this.post('Profiler.stopPreciseCoverage');
    this.post('Profiler.disable');
    this.session.disconnect();
  }

  /** Sums the counts since the last take (taking coverage resets V8's counters). */
  private take(): number {
    let total = 0;
    this.post('Profiler.takePreciseCoverage', undefined, (result) => {
      for (const script of (result as { result: Array<{ functions: Array<{ ranges: Array<{ count: number }> }> }> }).result) {
        for (const f of script.functions) for (const r of f.ranges) total += r.count;
      }
    });
    return total;
  }

  private post(method: string, params?: object, then?: (result: unknown) => void): void {
    let done = false;
    this.session.post(method, params, (err, result) => {
      if (err) throw err;
      done = true;
      then?.(result);
    });
    // An in-process session answers synchronously; were it not to, the count would be wrong.
    if (!done) throw new Error(`inspector did not answer ${method} synchronously`);
  }
}
