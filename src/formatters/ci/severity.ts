import type { Finding, Severity } from '../../types.js';

/**
 * The severity a CI format shows. `check` sets it from its configuration; a scan finding has none:
 * what makes a message tracked is an error, a possible spacer (which never does) a note, and the
 * rest (link tracking, address leaks in links, read receipts) a warning.
 */
export function severityOf(finding: Pick<Finding, 'severity' | 'tracking' | 'category'>): Severity {
  if (finding.severity) return finding.severity;
  if (finding.tracking) return 'error';
  return finding.category === 'spacer' ? 'note' : 'warning';
}
