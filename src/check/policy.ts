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

/**
 * The findings that stand on an identifier alone: an invisible image whose URL carries one
 * (PA002 `with-id`, no open-style path) and a link that carries one (PA006 `token`). In a
 * template, an identifier written as a literal (`spacer.gif?v=5f2b9c0e...`, `?ref=5f2b...`) is
 * the same in every copy sent, so it tells the sender nothing about who opened or clicked: such
 * a finding is info, not a failure. A known tracker's pixel (PA001), an open-style path, a
 * redirect and every expression naming the recipient stay as they are.
 */
function literalIdentifierOnly(f: Finding): boolean {
  return (f.ruleId === 'PA002' && f.messageKey === 'with-id' && f.data.openWord === undefined) || (f.ruleId === 'PA006' && f.messageKey === 'token');
}

/** The configured severity of a finding (by rule id or alias), else the default; `literal`: its URL holds no template expression (templates only). */
export function severityOf(f: Finding, config: CheckConfig, literal = false): SeverityOrOff {
  return config.rules?.[f.ruleId] ?? config.rules?.[f.rule] ?? (literal && literalIdentifierOnly(f) ? 'info' : defaultSeverity(f));
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

/** The team's own hosts: whole registrable domains (allowedHosts) and single hosts (allowedExactHosts). */
export interface AllowedHosts {
  domains: ReadonlySet<string>;
  exact: ReadonlySet<string>;
}

/**
 * Whether the finding's host is one of the team's own: its registrable domain (via tldts) is an
 * allowedHosts domain, or it is an allowedExactHosts host as written. A domain covers every
 * subdomain, a branded tracking one (`click.example.net` pointed at an ESP) included; exact
 * hosts are for a team that has such subdomains.
 */
export function onAllowedHost(f: Finding, allowed: AllowedHosts): boolean {
  if (!f.host) return false;
  const host = f.host.toLowerCase().replace(/\.$/, '');
  return allowed.exact.has(host) || (allowed.domains.size > 0 && allowed.domains.has(ownDomain(host)));
}

export function allowedDomains(config: CheckConfig): AllowedHosts {
  return {
    domains: new Set((config.allowedHosts ?? []).map((h) => ownDomain(h.toLowerCase()))),
    exact: new Set((config.allowedExactHosts ?? []).map((h) => h.toLowerCase())),
  };
}
