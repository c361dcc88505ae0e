import { StudyBuilder, type StudyTables, type VendorInfo } from '../stats/study.js';
import type { Vendor } from '../trackers/schema.js';
import type { MessageResult } from '../types.js';
import { SummaryBuilder, type SkippedFile, type Summary } from './summary.js';

/** Summary counters and study tables fed from the same stream of results (scan, imap and report use it). */
export class Aggregate {
  private readonly summary = new SummaryBuilder();
  private readonly study: StudyBuilder;
  private unredacted = false;

  constructor(vendors: Map<string, Vendor>) {
    this.study = new StudyBuilder((id): VendorInfo | undefined => {
      const v = vendors.get(id);
      return v ? { name: v.name, organisation: v.organisation ?? v.name, category: v.category } : undefined;
    });
  }

  add(result: MessageResult): void {
    this.summary.add(result);
    this.study.add(result);
  }

  addSkipped(skippedFiles: number, listed: readonly SkippedFile[], reasons: ReadonlyArray<{ reason: string; files: number }>): void {
    this.summary.addSkipped(skippedFiles, listed, reasons);
  }

  skip(file?: SkippedFile): void {
    this.summary.skip(file);
  }

  /** Some results were written with --no-redact (this scan's, or a JSONL file's closing line says so). */
  markUnredacted(): void {
    this.unredacted = true;
  }

  /**
   * The study tables are built when first read: `-f jsonl` and the CI formats never read them,
   * and their sender bootstrap (1,000 resamples of every sender, six times) was about 1% of a
   * one-worker scan of the 100 MB bench mbox (0.1 s of CPU at its end).
   */
  build(): Summary {
    const study = this.study;
    let tables: StudyTables | undefined;
    return {
      ...this.summary.build(),
      get study(): StudyTables {
        return (tables ??= study.build());
      },
      ...(this.unredacted ? { unredacted: true as const } : {}),
    };
  }
}
