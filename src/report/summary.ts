import type { StudyTables } from '../stats/study.js';
import { wilson } from '../stats/wilson.js';
import type { MessageResult } from '../types.js';

export interface Count {
  key: string;
  /** Display name, for vendors. */
  name?: string;
  category?: string;
  messages: number;
}

export interface SenderCount {
  sender: string;
  tracked: number;
  messages: number;
}

/** A file or folder that a walk passed over, and why. */
export interface SkippedFile {
  source: string;
  reason: string;
  /** The name already read (for a duplicate), the folder a loop leads back to... */
  detail?: string;
}

/** Skipped files listed one by one in a summary; past this only their reasons are counted, so memory stays flat. */
export const SKIPPED_LISTED = 10_000;

/** What the IMAP part of a report adds to the summary. */
export interface ImapStats {
  mailboxes: string[];
  bytesReceived: number;
  bytesSent: number;
  reconnects: number;
  /** Results taken from the cache of an earlier run, without fetching. */
  fromCache: number;
  mode: 'html-parts' | 'full-source';
}

/** The figures of a scan: every message found is either scanned or failed. */
export interface Summary {
  /** Messages found in the inputs (scanned + failed). */
  found: number;
  scanned: number;
  failed: number;
  /** Files and folders met while walking that were not read as mail (README files, images, dot-files, links read already...). */
  skippedFiles: number;
  /** Each of them with its reason, in walk order (the first SKIPPED_LISTED; `skippedReasons` counts them all). */
  skipped: SkippedFile[];
  /** Skip reasons with how many files each, most frequent first. */
  skippedReasons: Array<{ reason: string; files: number }>;
  /** Scanned messages with at least one text/html part. */
  html: number;
  tracked: number;
  /** tracked / scanned, or 0 when nothing was scanned. */
  share: number;
  /** 95% Wilson interval of share. */
  interval: { low: number; high: number };
  /** Scanned messages whose only invisible images are spacers. */
  spacerOnly: number;
  /** Scanned messages with at least one click-tracked link (counted apart from `tracked`). */
  linkTracked: number;
  /** Scanned messages whose resource or link URLs carry the recipient's address or its hash. */
  addressLeak: number;
  /** ...of which the address goes to a host the sender does not run itself (a third party, or an ESP behind a CNAME). */
  addressLeakThirdParty: number;
  /** Scanned messages that request a read receipt. */
  readReceipt: number;
  /**
   * Set (true) when any result was written with `--no-redact`: addresses and tokens stand as they
   * are, and every output of the summary says so. Absent when all were redacted.
   */
  unredacted?: true;
  vendors: Count[];
  senders: SenderCount[];
  /** Failure reasons with counts. */
  failures: Count[];
  /** Transfer figures, for a scan over IMAP. */
  imap?: ImapStats;
  /** Prevalence under several definitions and denominators, per sender, vendor, party and month. */
  study?: StudyTables;
}

/** Adds results one by one, so a scan of any size keeps only counters in memory. */
export class SummaryBuilder {
  private found = 0;
  private scanned = 0;
  private failed = 0;
  private skipped = 0;
  private readonly skippedList: SkippedFile[] = [];
  private readonly skipReasons = new Map<string, number>();
  private html = 0;
  private tracked = 0;
  private spacerOnly = 0;
  private linkTracked = 0;
  private addressLeak = 0;
  private addressLeakThirdParty = 0;
  private readReceipt = 0;
  private readonly vendors = new Map<string, Count>();
  private readonly senders = new Map<string, SenderCount>();
  private readonly failures = new Map<string, number>();

  add(result: MessageResult): void {
    this.found++;
    if (result.error !== null) {
      this.failed++;
      const reason = result.error.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)? MB/g, 'N MB');
      this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
      return;
    }
    this.scanned++;
    if (result.html) this.html++;
    if (result.tracked) this.tracked++;
    else if (result.findings.some((f) => f.category === 'spacer')) this.spacerOnly++;
    if (result.linkTracked) this.linkTracked++;
    if (result.addressLeak) this.addressLeak++;
    if (result.findings.some((f) => f.category === 'address-leak' && f.party !== 'first-party')) this.addressLeakThirdParty++;
    if (result.readReceipt) this.readReceipt++;
    const seen = new Set<string>();
    for (const f of result.findings) {
      if (!f.tracking || !f.vendor || seen.has(f.vendor)) continue;
      seen.add(f.vendor);
      const c = this.vendors.get(f.vendor) ?? { key: f.vendor, name: f.vendorName, category: f.vendorCategory, messages: 0 };
      c.messages++;
      this.vendors.set(f.vendor, c);
    }
    const sender = senderOf(result.from);
    const s = this.senders.get(sender) ?? { sender, tracked: 0, messages: 0 };
    s.messages++;
    if (result.tracked) s.tracked++;
    this.senders.set(sender, s);
  }

  /** Skipped files counted elsewhere (a JSONL file's closing line, read by `report`). */
  addSkipped(skippedFiles: number, listed: readonly SkippedFile[], reasons: ReadonlyArray<{ reason: string; files: number }>): void {
    this.skipped += skippedFiles;
    for (const file of listed) if (this.skippedList.length < SKIPPED_LISTED) this.skippedList.push(file);
    for (const { reason, files } of reasons) this.skipReasons.set(reason, (this.skipReasons.get(reason) ?? 0) + files);
  }

  skip(file?: SkippedFile): void {
    this.skipped++;
    if (!file) return;
    if (this.skippedList.length < SKIPPED_LISTED) this.skippedList.push(file.detail ? { source: file.source, reason: file.reason, detail: file.detail } : { source: file.source, reason: file.reason });
    this.skipReasons.set(file.reason, (this.skipReasons.get(file.reason) ?? 0) + 1);
  }

  build(): Summary {
    const byCount = <T extends { messages: number }>(a: T, b: T, key: (x: T) => string): number => b.messages - a.messages || (key(a) < key(b) ? -1 : 1);
    return {
      found: this.found,
      scanned: this.scanned,
      failed: this.failed,
      skippedFiles: this.skipped,
      skipped: this.skippedList,
      skippedReasons: [...this.skipReasons.entries()].map(([reason, files]) => ({ reason, files })).sort((a, b) => b.files - a.files || (a.reason < b.reason ? -1 : 1)),
      html: this.html,
      tracked: this.tracked,
      share: this.scanned ? this.tracked / this.scanned : 0,
      interval: wilson(this.tracked, this.scanned),
      spacerOnly: this.spacerOnly,
      linkTracked: this.linkTracked,
      addressLeak: this.addressLeak,
      addressLeakThirdParty: this.addressLeakThirdParty,
      readReceipt: this.readReceipt,
      vendors: [...this.vendors.values()].sort((a, b) => byCount(a, b, (x) => x.key)),
      senders: [...this.senders.values()].filter((s) => s.tracked > 0).sort((a, b) => b.tracked - a.tracked || byCount(a, b, (x) => x.sender)),
      failures: [...this.failures.entries()].map(([key, messages]) => ({ key, messages })).sort((a, b) => byCount(a, b, (x) => x.key)),
    };
  }
}

/** The sender's address, lower-case, or "(unknown)". */
export function senderOf(from: string | null): string {
  if (!from) return '(unknown)';
  const m = /<([^<>@\s]+@[^<>\s]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return (m ? m[1] : from).toLowerCase();
}
