import type { RuleMeta } from '../../rules/rule.js';
import type { Finding, Severity } from '../../types.js';

/**
 * The severity a CI format shows. `check` sets it from its configuration; a scan finding has none:
 * what makes a message tracked is an error, a possible spacer (which never does) info, and the
 * rest (link tracking, address leaks in links, read receipts) a warning.
 */
export function severityOf(finding: Pick<Finding, 'severity' | 'tracking' | 'category'>): Severity {
  if (finding.severity) return finding.severity;
  if (finding.tracking) return 'error';
  return finding.category === 'spacer' ? 'info' : 'warning';
}

/** SARIF 2.1.0 §3.27.10 names the lowest level `note`; users and the rest of the code say `info`. */
export type SarifLevel = 'error' | 'warning' | 'note';
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/**
 * A rule's default severity (SARIF `defaultConfiguration.level`), the one severityOf gives its
 * findings: every resource rule but the spacer rule makes a message tracked; link and header
 * rules never do.
 */
export function defaultSeverity(meta: Pick<RuleMeta, 'appliesTo' | 'category'>): Severity {
  if (meta.category === 'spacer') return 'info';
  return meta.appliesTo === 'resource' ? 'error' : 'warning';
}
