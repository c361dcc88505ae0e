import type { Detector } from '../engine/detector.js';
import { RESULT_FORMAT } from '../types.js';

/**
 * Everything a cached result depends on besides the message itself: the tool version and result format, the
 * tracker data as loaded (every pattern's content, not only its id, so an edited --rules file or
 * a disabled vendor is a new key), the rules (their metadata and message templates), the addresses taken as the reader's, and
 * redaction (a result kept masked is never shown by --no-redact, nor the reverse).
 */
export function cacheSettings(version: string, detector: Detector): string {
  return JSON.stringify({
    version,
    resultFormat: RESULT_FORMAT,
    redact: detector.redact,
    me: detector.me,
    trackers: detector.matcher.vendors,
    platforms: [...detector.sendingDomains.entries()].sort(),
    rules: [...detector.rules, ...detector.linkRules, ...detector.messageRules].map((r) => r.meta),
  });
}
