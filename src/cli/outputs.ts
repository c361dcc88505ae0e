import type { Formatter } from '../formatters/formatter.js';
import { AtomicFileSink } from '../output/atomic-sink.js';
import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import type { FormatTarget } from './format-targets.js';
import type { Io, Sink } from './io.js';

/**
 * Several outputs of one run (`-f sarif:out.sarif -f github`), each a formatter writing to its
 * own sink: a report file (written beside its target and renamed into place when complete) or
 * standard output. Every file is opened before the scan, so an unwritable folder fails first;
 * `end` writes every summary before putting any file in place, and `close` discards the files
 * not committed, so a run that fails leaves every existing report as it was.
 */
export async function openOutputs(io: Io, targets: readonly FormatTarget[], make: (target: FormatTarget, toFile: boolean) => Promise<Formatter>) {
  const files: AtomicFileSink[] = [];
  const outs: Array<{ formatter: Formatter; sink: Sink }> = [];
  try {
    for (const target of targets) {
      const file = target.file === undefined ? undefined : await AtomicFileSink.open(target.file);
      if (file) files.push(file);
      outs.push({ formatter: await make(target, file !== undefined), sink: file ?? io.stdout });
    }
  } catch (error) {
    for (const f of files) await f.close();
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
      for (const f of files) await f.commit();
    },
    async close(): Promise<void> {
      for (const f of files) await f.close();
    },
  };
}
