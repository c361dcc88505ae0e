import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseMessage, failedResult } from '../engine/analyse-message.js';
import type { Detector } from '../engine/detector.js';
import { readOneMessage } from '../input/read-one.js';
import type { MessageResult } from '../types.js';
import { score, type Outcome, type Score } from './score.js';

/** One hand label from shared/corpora/labels/*.jsonl (see GUIDE.md there). */
export interface Label {
  file: string;
  tracked: boolean | null;
  pixels: Array<{ url: string; why: string }>;
  link_tracking?: boolean;
  address_leak?: boolean;
  confidence?: string;
  notes?: string;
}

export interface EvalCase {
  label: Label;
  result: MessageResult;
  outcome: Outcome;
}

export interface EvalReport extends Score {
  labelled: number;
  /** Labels with tracked = null are left out of the scores, as GUIDE.md says. */
  undecided: number;
  /** Labels marked confidence "unsure" are left out too: a score is only as sure as its labels. */
  unsure: number;
  /** Labelled messages the tool could not read (counted as predicted "not tracked"). */
  failed: number;
  /** The scores of each corpus folder (the first part of the label's file path). */
  byFolder: Record<string, Score>;
  cases: EvalCase[];
  misses: EvalCase[];
  falseAlarms: EvalCase[];
  /** Agreement on the secondary labels (link_tracking is indicative, see GUIDE.md). */
  linkTracking: Agreement;
  addressLeak: Agreement;
}

/** Labelled and found counts for a boolean label, over readable labelled messages. */
export interface Agreement {
  messages: number;
  labelled: number;
  found: number;
  both: number;
}

export function readLabels(file: string): Label[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

/** Default location of the shared corpora beside the project, or undefined when absent. */
export function findCorpora(projectRoot: string, override?: string): string | undefined {
  const dir = override ?? path.resolve(projectRoot, '..', 'shared', 'corpora');
  return existsSync(path.join(dir, 'labels')) ? dir : undefined;
}

/** Scores message-level `tracked` against the labels. */
export async function evaluate(labels: Label[], corpora: string, detector: Detector): Promise<EvalReport> {
  let failed = 0;
  let undecided = 0;
  let unsure = 0;
  const cases: EvalCase[] = [];
  const linkTracking: Agreement = { messages: 0, labelled: 0, found: 0, both: 0 };
  const addressLeak: Agreement = { messages: 0, labelled: 0, found: 0, both: 0 };
  const agree = (a: Agreement, label: boolean | undefined, found: boolean): void => {
    if (label === undefined) return;
    a.messages++;
    if (label) a.labelled++;
    if (found) a.found++;
    if (label && found) a.both++;
  };
  for (const label of labels) {
    if (label.tracked === null) {
      undecided++;
      continue;
    }
    if (label.confidence === 'unsure') {
      unsure++;
      continue;
    }
    let result: MessageResult;
    try {
      const { source, bytes } = await readOneMessage(path.join(corpora, label.file), 64 * 1024 * 1024);
      result = await analyseMessage(source, bytes, detector);
    } catch (error) {
      result = failedResult(label.file, String(error));
    }
    if (result.error) failed++;
    else {
      agree(linkTracking, label.link_tracking, result.linkTracked);
      agree(addressLeak, label.address_leak, result.addressLeak);
    }
    const outcome: Outcome = label.tracked ? (result.tracked ? 'tp' : 'fn') : result.tracked ? 'fp' : 'tn';
    cases.push({ label, result, outcome });
  }
  const folders = [...new Set(cases.map((c) => folderOf(c.label.file)))].sort();
  return {
    labelled: labels.length,
    undecided,
    unsure,
    failed,
    ...score(cases.map((c) => c.outcome)),
    byFolder: Object.fromEntries(folders.map((f) => [f, score(cases.filter((c) => folderOf(c.label.file) === f).map((c) => c.outcome))])),
    cases,
    misses: cases.filter((c) => c.outcome === 'fn'),
    falseAlarms: cases.filter((c) => c.outcome === 'fp'),
    linkTracking,
    addressLeak,
  };
}

/** The corpus folder of a label's file: `phishing_pot/email/sample-1.eml` is in `phishing_pot`. */
export function folderOf(file: string): string {
  return file.split('/')[0];
}
