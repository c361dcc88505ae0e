import type { Formatter } from '../formatters/formatter.js';
import { AtomicFileSink } from '../output/atomic-sink.js';
import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import type { FormatTarget } from './format-targets.js';
import type { Io, Sink } from './io.js';

/** One output of a run, opened: its target and the sink it writes to. */
export interface OpenedTarget {
  target: FormatTarget;
  sink: Sink;
  toFile: boolean;
}

/**
 * The sinks of a run's outputs: each file target a report file (written beside its target and
 * renamed into place by `commit`), the one without a file standard output. Every file is opened
 * now, before any work, so an unwritable folder fails first; `commit` puts every file in place
 * only after all were written, and `close` discards the files not committed, so a run that fails
 * leaves every existing report as it was. Both `scan` (openOutputs, streaming) and `check` (one
 * rendering per target at the end) write through this.
 */
export async function openSinks(io: Io, targets: readonly FormatTarget[]) {
  const files: AtomicFileSink[] = [];
  const opened: OpenedTarget[] = [];
  try {
    for (const target of targets) {
      const file = target.file === undefined ? undefined : await AtomicFileSink.open(target.file);
      if (file) files.push(file);
      opened.push({ target, sink: file ?? io.stdout, toFile: file !== undefined });
    }
  } catch (error) {
    for (const f of files) await f.close();
    throw error;
  }
  return {
    opened,
    async commit(): Promise<void> {
      for (const f of files) await f.commit();
    },
    async close(): Promise<void> {
      for (const f of files) await f.close();
    },
  };
}

/**
 * Several outputs of one scan (`-f sarif:out.sarif -f github`), each a formatter writing to its
 * own sink (openSinks): `message` streams each result to every formatter, `end` writes every
 * summary before putting any file in place.
 */
export async function openOutputs(io: Io, targets: readonly FormatTarget[], make: (target: FormatTarget, toFile: boolean) => Promise<Formatter>) {
  const sinks = await openSinks(io, targets);
  const outs: Array<{ formatter: Formatter; sink: Sink }> = [];
  try {
    for (const { target, sink, toFile } of sinks.opened) outs.push({ formatter: await make(target, toFile), sink });
  } catch (error) {
    await sinks.close();
    throw error;
  }
  return {
    formatters: outs.map((o) => o.formatter),
    async begin(): Promise<void> {
      for (const { formatter, sink } of outs) if (formatter.begin) await sink.write(formatter.begin());
    },
    async message(result: MessageResult): Promise<void> {
      for (const { formatter, sink } of outs) if (formatter.message) await sink.write(formatter.message(result));
    },
    async end(summary: Summary, results: MessageResult[]): Promise<void> {
      for (const { formatter, sink } of outs) await sink.write(formatter.end(summary, results));
      await sinks.commit();
    },
    close: () => sinks.close(),
  };
}
