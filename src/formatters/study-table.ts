import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { DEFINITIONS, DENOMINATORS } from '../stats/definitions.js';
import type { Cell, StudyTables } from '../stats/study.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ci = (i: { low: number; high: number }): string => `${pct(i.low)}–${pct(i.high)}`;

/** The study tables for a terminal: compact for `scan`, every table for `report`. */
export function renderStudy(study: StudyTables, c: ChalkInstance, color: boolean, full: boolean, top: number): string[] {
  const table = (head: string[]): Table.Table => new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: color ? ['grey'] : [] } });
  const out: string[] = [];
  const cell = (x: Cell | undefined): string => (x && x.n ? `${x.k}/${x.n} ${pct(x.share)} [${ci(x.wilson)}]` : '–');
  const denominators = full ? DENOMINATORS.map((d) => d.id) : ['all', 'non-spam', 'bulk'];
  const prevalence = table(['definition', ...denominators]);
  for (const def of DEFINITIONS) {
    prevalence.push([`${def.id} ${def.name}`, ...denominators.map((den) => cell(study.prevalence.find((p) => p.definition === def.id && p.denominator === den)))]);
  }
  out.push(c.bold('Prevalence by definition and denominator (k/n, share, 95% Wilson interval)'), prevalence.toString());
  const boot = study.prevalence.filter((p) => p.definition === 'D3' && p.senderBootstrap && p.n > 0 && denominators.includes(p.denominator));
  if (boot.length) out.push(`  D3 with senders resampled (bootstrap, 1,000 resamples): ${boot.map((p) => `${p.denominator} ${ci(p.senderBootstrap as { low: number; high: number })}`).join('; ')}`);
  if (full) {
    for (const def of DEFINITIONS) out.push(`  ${def.id}: ${def.text}`);
    for (const den of DENOMINATORS) out.push(`  ${den.id}: ${den.text}`);
  }
  out.push('');
  const comparison = table(['study', 'published', 'definition / denominator', 'yours']);
  for (const row of study.comparison) comparison.push([`${row.study}: ${row.note}`, pct(row.published), `${row.definition} / ${row.denominator}`, cell(row.ours)]);
  out.push(c.bold('Your figures next to the published ones'), comparison.toString(), '');
  if (!full) return out;

  const s = study.senderSummary;
  out.push(
    c.bold('Senders'),
    `  ${s.sendersTracking} of ${s.senders} sender addresses track at least once (${pct(s.sendersTracking / Math.max(1, s.senders))}); ${s.sendersTrackingEvery} track every message they sent (${pct(s.sendersTrackingEvery / Math.max(1, s.senders))}).`,
    `  ${s.domainsTracking} of ${s.domains} sender domains track at least once; ${s.domainsTrackingEvery} track every message.`,
  );
  const domains = table(['sender domain', 'messages', 'tracked', 'share', 'every message']);
  for (const d of study.senderDomains.slice(0, top)) domains.push([d.domain, d.messages, d.tracked, pct(d.share), d.tracksEvery ? 'yes' : '']);
  out.push(domains.toString(), '');
  const vendors = table(['vendor', 'organisation', 'category', 'messages', 'message share', 'senders', 'sender share']);
  for (const v of study.vendors.slice(0, top)) vendors.push([v.name, v.organisation, v.category, v.messages, pct(v.messageShare), v.senders, pct(v.senderShare)]);
  out.push(c.bold('Vendors'), vendors.toString(), '');
  const orgs = table(['organisation', 'messages', 'message share', 'senders', 'sender share']);
  for (const o of study.organisations.slice(0, top)) orgs.push([o.organisation, o.messages, pct(o.messageShare), o.senders, pct(o.senderShare)]);
  out.push(c.bold('Organisations'), orgs.toString(), '');
  const parties = table(['party of the tracking host', 'findings', 'messages', 'message share']);
  for (const p of study.parties) parties.push([p.party, p.findings, p.messages, pct(p.messageShare)]);
  out.push(c.bold('Parties'), parties.toString(), '');
  const months = table(['month', 'messages', 'tracked', 'share', '']);
  for (const m of study.months) months.push([m.month, m.messages, m.tracked, pct(m.share), m.note]);
  out.push(c.bold('By month'), months.toString(), '');
  return out;
}
