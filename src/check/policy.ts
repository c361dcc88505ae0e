import { getDomain, parse } from 'tldts';
import type { Finding } from '../types.js';
import type { SeverityOrOff } from './check-finding.js';
import type { CheckConfig } from './config.js';

/**
 * The severity of a finding before configuration: a pixel, a tracking tag and an address in a
 * URL fail the run; link tracking warns (a team may accept tracked links but not pixels);
 * campaign tags are information; an unclosed template expression warns (the engine refuses it,
 * so nothing is sent until it is fixed, but what follows it was checked as HTML); a spacer (the same for every reader) is not shown.
 */
export function defaultSeverity(f: Finding): SeverityOrOff {
  switch (f.category) {
    case 'open-tracking':
      return f.tracking ? 'error' : 'info';
    case 'address-leak':
    case 'config':
      return 'error';
    case 'link-tracking':
    case 'read-receipt':
    case 'template-syntax':
      return 'warning';
    case 'campaign-tagging':
      return 'info';
    case 'spacer':
      return 'off';
  }
}

/** The configured severity of a finding (by rule id or alias), else the default. */
export function severityOf(f: Finding, config: CheckConfig): SeverityOrOff {
  return config.rules?.[f.ruleId] ?? config.rules?.[f.rule] ?? defaultSeverity(f);
}

/**
 * A host's own domain for allowedHosts: the registrable domain by the public suffix list with
 * its private section (tldts `allowPrivateDomains`), so `team.github.io` is a domain of its own
 * and allowing it does not allow every other `*.github.io` site, as the ICANN section alone
 * (registrable `github.io`) would.
 */
function ownDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** `co.uk`, `github.io`: a suffix under which anyone registers names, never one team's own (config.ts refuses it). */
export function isPublicSuffix(host: string): boolean {
  const h = host.toLowerCase();
  const p = parse(h, { allowPrivateDomains: true });
  return !p.isIp && p.domain === null && p.publicSuffix === h;
}

/** Whether the finding's host is one of the team's own (by registrable domain, via tldts). */
export function onAllowedHost(f: Finding, allowed: ReadonlySet<string>): boolean {
  return Boolean(f.host && allowed.size && allowed.has(ownDomain(f.host.toLowerCase())));
}

export function allowedDomains(config: CheckConfig): Set<string> {
  return new Set((config.allowedHosts ?? []).map((h) => ownDomain(h.toLowerCase())));
}
