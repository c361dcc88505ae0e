import { findingMessage } from '../rules/finding-message.js';
import type { Finding, LoadCertainty, ResourceKind, SourcePosition } from '../types.js';
import { visibleDeep } from './safe-text.js';

/** A finding as explain shows it: data, rendered into words by renderExplanation. */
export type ExplainedFinding = Pick<Finding, 'ruleId' | 'rule' | 'messageKey' | 'data'>;

/** `explain` output as data: one message, every resource, every rule's answer. */
export interface Explanation {
  source: string;
  messageIdHeader: string | null;
  from: string | null;
  subject: string | null;
  date: string | null;
  html: boolean;
  tracked: boolean;
  /** Sending platform named by the headers (vendor id). */
  platform: string | null;
  senderDomains: string[];
  resources: Array<{
    url: string;
    target?: string;
    proxy?: string;
    kind: ResourceKind;
    element: string;
    position: SourcePosition;
    /** Whether a client must load it or only may (a srcset candidate, a preload hint). */
    load: LoadCertainty;
    /** Why it only may load, when the message decides it (a meta Content-Security-Policy before it), else null. */
    loadNote: string | null;
    /** `outlook` when only Outlook loads it (conditional comments, VML), else null. */
    client: string | null;
    width: number | null;
    height: number | null;
    hidden: string | null;
    vendor: string | null;
    identifiers: string[];
    openWord: string | null;
    leaks: string[];
    party: string | null;
    verdict: string;
    rules: Array<{ id: string; alias: string; fired: boolean; messageKey?: string }>;
    /** The finding that speaks for the resource, or null when no rule fired. */
    finding: ExplainedFinding | null;
  }>;
  /** URLs in loading places that load nothing from the network, and why. */
  rejected: Array<{ written: string; kind: ResourceKind; element: string; position: SourcePosition; reason: string; client: string | null }>;
  /** Remote URLs named but never loaded by a mail client (`<meta http-equiv=refresh>`). */
  notLoaded: Array<{ url: string; kind: ResourceKind; element: string; position: SourcePosition }>;
  /** Links that a link rule fired on. */
  links: Array<{ url: string; position: SourcePosition; destination: string | null; findings: Array<ExplainedFinding & { party: string | null }> }>;
  headers: ExplainedFinding[];
}

/** Where a finding or resource stands in the message's HTML, as `explain` and the HTML report say it. */
export function positionText(position: SourcePosition): string {
  return `line ${position.line}, column ${position.column}`;
}

/** One rule's answer, as `explain` and the HTML report say it: `+PA004 click-tracking: why [third-party]`. */
export function ruleLine(f: ExplainedFinding & { party?: string | null }): string {
  return `+${f.ruleId} ${f.rule}: ${findingMessage(f)}${f.party ? ` [${f.party}]` : ''}`;
}

/** The explanation for a terminal: every string from the message with its controls shown as escapes. */
export function renderExplanation(raw: Explanation): string {
  const e = visibleDeep(raw);
  const lines = [
    `message:  ${e.source}`,
    `from:     ${e.from ?? '(none)'}`,
    `subject:  ${e.subject ?? '(none)'}`,
    `date:     ${e.date ?? '(none)'}`,
    `verdict:  ${e.tracked ? 'TRACKED' : 'not tracked'} (${e.resources.length} remote resource${e.resources.length === 1 ? '' : 's'}${e.html ? '' : ', no HTML part'})`,
    `platform: ${e.platform ?? 'not named by the headers'}; sender domains: ${e.senderDomains.join(', ') || 'none'}`,
    '',
  ];
  e.resources.forEach((r, i) => {
    lines.push(`[${i + 1}] ${r.verdict.toUpperCase()}  ${r.url}`);
    if (r.target) lines.push(`    loads ${r.target} (through ${r.proxy})`);
    const size = r.width !== null || r.height !== null ? `, ${r.width ?? '?'}x${r.height ?? '?'}` : '';
    const load = r.load === 'may' ? ', may load' : '';
    const client = r.client ? `, ${r.client === 'outlook' ? 'Outlook' : r.client} only` : '';
    lines.push(`    <${r.element}> ${r.kind} at ${positionText(r.position)}${size}${load}${client}`);
    lines.push(`    hidden: ${r.hidden ?? 'no'}; vendor: ${r.vendor ?? 'none'}; identifiers: ${r.identifiers.join(', ') || 'none'}; open-style path: ${r.openWord ?? 'no'}; address: ${r.leaks.join(', ') || 'no'}`);
    lines.push(`    rules: ${r.rules.map((x) => `${x.fired ? '+' : '-'}${x.id} ${x.alias}`).join('  ')}`);
    if (r.finding) lines.push(`    why: ${findingMessage(r.finding)}${r.party ? ` [${r.party}]` : ''}`);
    if (r.loadNote) lines.push(`    may load: ${r.loadNote}`);
    lines.push('');
  });
  if (e.notLoaded.length) {
    lines.push(`Named but not loaded by a mail client (${e.notLoaded.length}):`);
    for (const n of e.notLoaded) lines.push(`  ${n.url}`, `    <${n.element}> ${n.kind} at ${positionText(n.position)}: a browser would navigate there; a mail client does not`);
    lines.push('');
  }
  if (e.rejected.length) {
    lines.push(`Not remote, so not loaded (${e.rejected.length}):`);
    for (const x of e.rejected) lines.push(`  ${x.written}`, `    <${x.element}> ${x.kind} at ${positionText(x.position)}${x.client ? ', Outlook only' : ''}: ${x.reason}`);
    lines.push('');
  }
  if (e.links.length) {
    lines.push(`Tracked or leaking links (${e.links.length}):`);
    for (const l of e.links) {
      lines.push(`  ${l.url}`, `    ${positionText(l.position)}${l.destination ? `; goes to ${l.destination}` : ''}`);
      for (const f of l.findings) lines.push(`    ${ruleLine(f)}`);
    }
    lines.push('');
  }
  for (const h of e.headers) lines.push(`Header: ${ruleLine(h)}`);
  return `${lines.join('\n')}\n`;
}
