import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { loadVendors, type LoadOptions } from '../trackers/load.js';
import { TrackerMatcher } from '../trackers/matcher.js';

/** What a scan needs that does not change from message to message. */
export interface Detector {
  matcher: TrackerMatcher;
  rules: readonly Rule[];
  /** The user's own addresses (--me), looked for in addition to each message's recipients. */
  me: string[];
  /** Mask addresses and per-recipient tokens in output. */
  redact: boolean;
}

export interface DetectorOptions extends LoadOptions {
  me?: string[];
  redact?: boolean;
}

export function createDetector(options: DetectorOptions = {}): Detector {
  return {
    matcher: new TrackerMatcher(loadVendors(options)),
    rules: RULES,
    me: (options.me ?? []).map((a) => a.trim().toLowerCase()),
    redact: options.redact ?? true,
  };
}
