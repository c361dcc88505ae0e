import { readInputs } from '../input/read-inputs.js';
import { SummaryBuilder, type Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import { analyseMessage, failedResult } from './analyse-message.js';
import type { Detector } from './detector.js';

export interface ScanOptions {
  detector: Detector;
  maxMessageBytes: number;
  stdin?: AsyncIterable<Buffer>;
  /** Called for every message, scanned or failed, in input order. */
  onResult: (result: MessageResult) => void | Promise<void>;
  /** Called for each non-mail file met while walking a folder. */
  onSkipped?: (source: string, reason: string) => void;
}

export interface ScanOutcome {
  summary: Summary;
  /** Input paths that could not be used at all (missing, not mail, a folder without mail). */
  unusableInputs: number;
}

/** Reads every input and analyses each message in order. */
export async function scan(paths: string[], options: ScanOptions): Promise<ScanOutcome> {
  const summary = new SummaryBuilder();
  let unusableInputs = 0;
  for await (const item of readInputs(paths, { maxMessageBytes: options.maxMessageBytes, stdin: options.stdin })) {
    if (item.type === 'skipped') {
      summary.skip();
      options.onSkipped?.(item.source, item.reason);
      continue;
    }
    if (item.type === 'failed' && item.wholeInput) unusableInputs++;
    const result = item.type === 'failed' ? failedResult(item.source, item.error) : await analyseMessage(item.source, item.bytes, options.detector);
    summary.add(result);
    await options.onResult(result);
  }
  return { summary: summary.build(), unusableInputs };
}
