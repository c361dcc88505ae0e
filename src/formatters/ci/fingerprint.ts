import { createHash } from 'node:crypto';
import type { Finding } from '../../types.js';
import type { CiItem } from './ci-item.js';

/** The key SARIF consumers (GitHub code scanning) match results across runs by: ours, versioned. */
export const FINGERPRINT_KEY = 'pixelaudit/v1';

/**
 * A finding's identity across runs: `check`'s baseline fingerprint when it set one (stable
 * across unrelated edits), else a hash of what the finding is (where, which rule and message,
 * which URL as shown) without its line and column, so that moving a pixel down a template does
 * not make it a new alert. Two identical findings in one item share it, as they should.
 */
export function fingerprintOf(item: Pick<CiItem, 'name'>, finding: Pick<Finding, 'fingerprint' | 'ruleId' | 'messageKey' | 'kind' | 'url'>): string {
  if (finding.fingerprint) return finding.fingerprint;
  return createHash('sha256')
    .update(JSON.stringify([item.name, finding.ruleId, finding.messageKey, finding.kind, finding.url]))
    .digest('hex')
    .slice(0, 32);
}
