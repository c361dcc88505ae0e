import { senderOf } from '../report/summary.js';
import type { MessageResult, Party } from '../types.js';
import { clusterBootstrap } from './bootstrap.js';
import { DEFINITIONS, DENOMINATORS, STUDIES } from './definitions.js';
import { wilson } from './wilson.js';

/** One prevalence figure: a definition over a denominator. */
export interface Cell {
  definition: string;
  denominator: string;
  k: number;
  n: number;
  share: number;
  /** 95% Wilson interval (messages as independent). */
  wilson: { low: number; high: number };
  /** 95% bootstrap interval resampling senders (D3 only). */
  senderBootstrap?: { low: number; high: number };
}

export interface StudyTables {
  prevalence: Cell[];
  /** Per sender domain (registrable): messages, tracked, share, and whether every message tracks. */
  senderDomains: Array<{ domain: string; messages: number; tracked: number; share: number; tracksEvery: boolean }>;
  senderSummary: { senders: number; sendersTracking: number; sendersTrackingEvery: number; domains: number; domainsTracking: number; domainsTrackingEvery: number };
  vendors: Array<{ vendor: string; name: string; organisation: string; category: string; messages: number; messageShare: number; senders: number; senderShare: number }>;
  organisations: Array<{ organisation: string; messages: number; messageShare: number; senders: number; senderShare: number }>;
  parties: Array<{ party: Party; findings: number; messages: number; messageShare: number }>;
  months: Array<{ month: string; messages: number; tracked: number; share: number; note: string }>;
  comparison: Array<{ study: string; published: number; note: string; definition: string; denominator: string; ours: Cell | undefined }>;
}

/** Apple Mail Privacy Protection began prefetching remote images on this day. */
export const MPP_START = '2021-09-20';

export interface VendorInfo {
  name: string;
  organisation: string;
  category: string;
}

/** Accumulates the study tables message by message; memory grows with senders and vendors, not messages. */
export class StudyBuilder {
  private readonly counts = DEFINITIONS.map(() => DENOMINATORS.map(() => ({ k: 0, n: 0 })));
  private readonly clusters = DENOMINATORS.map(() => new Map<string, [number, number]>());
  private readonly domains = new Map<string, { messages: number; tracked: number }>();
  private readonly senders = new Map<string, { messages: number; tracked: number }>();
  private readonly vendors = new Map<string, { messages: number; senders: Set<string> }>();
  private readonly orgs = new Map<string, { messages: number; senders: Set<string> }>();
  private readonly partyCounts = new Map<Party, { findings: number; messages: number }>();
  private readonly months = new Map<string, { messages: number; tracked: number }>();
  private scanned = 0;

  constructor(private readonly vendorInfo: (id: string) => VendorInfo | undefined) {}

  add(r: MessageResult): void {
    if (r.error !== null) return;
    this.scanned++;
    const sender = senderOf(r.from);
    const inDenominator = DENOMINATORS.map((den) => den.test(r));
    DEFINITIONS.forEach((def, i) => {
      const positive = def.test(r);
      DENOMINATORS.forEach((_den, j) => {
        if (!inDenominator[j]) return;
        this.counts[i][j].n++;
        if (positive) this.counts[i][j].k++;
        if (def.id === 'D3') {
          const c = this.clusters[j].get(sender) ?? [0, 0];
          c[0]++;
          if (positive) c[1]++;
          this.clusters[j].set(sender, c);
        }
      });
    });
    bump(this.senders, sender, r.tracked);
    bump(this.domains, r.senderDomain ?? '(unknown)', r.tracked);
    const seenVendors = new Set<string>();
    const seenParties = new Set<Party>();
    for (const f of r.findings) {
      if (!f.tracking) continue;
      if (f.vendor) seenVendors.add(f.vendor);
      if (f.party) {
        const p = this.partyCounts.get(f.party) ?? { findings: 0, messages: 0 };
        p.findings++;
        if (!seenParties.has(f.party)) p.messages++;
        seenParties.add(f.party);
        this.partyCounts.set(f.party, p);
      }
    }
    const count = (map: Map<string, { messages: number; senders: Set<string> }>, key: string): void => {
      const entry = map.get(key) ?? { messages: 0, senders: new Set<string>() };
      entry.messages++;
      entry.senders.add(sender);
      map.set(key, entry);
    };
    for (const v of seenVendors) count(this.vendors, v);
    for (const o of new Set([...seenVendors].map((v) => this.vendorInfo(v)?.organisation ?? v))) count(this.orgs, o);
    bump(this.months, r.date ? r.date.slice(0, 7) : '(no date)', r.tracked);
  }

  build(): StudyTables {
    const prevalence: Cell[] = [];
    DEFINITIONS.forEach((def, i) =>
      DENOMINATORS.forEach((den, j) => {
        const { k, n } = this.counts[i][j];
        prevalence.push({
          definition: def.id,
          denominator: den.id,
          k,
          n,
          share: n ? k / n : 0,
          wilson: wilson(k, n),
          // Sorted by sender so the interval does not depend on input order (shards merged = one run).
          ...(def.id === 'D3' ? { senderBootstrap: clusterBootstrap([...this.clusters[j].entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c)) } : {}),
        });
      }),
    );
    const allSenders = this.senders.size;
    const senderDomains = [...this.domains.entries()]
      .map(([domain, c]) => ({ domain, messages: c.messages, tracked: c.tracked, share: c.tracked / c.messages, tracksEvery: c.tracked === c.messages }))
      .sort((a, b) => b.messages - a.messages || (a.domain < b.domain ? -1 : 1));
    const vendors = [...this.vendors.entries()]
      .map(([vendor, c]) => {
        const info = this.vendorInfo(vendor);
        return {
          vendor,
          name: info?.name ?? vendor,
          organisation: info?.organisation ?? info?.name ?? vendor,
          category: info?.category ?? '',
          messages: c.messages,
          messageShare: c.messages / Math.max(1, this.scanned),
          senders: c.senders.size,
          senderShare: c.senders.size / Math.max(1, allSenders),
        };
      })
      .sort((a, b) => b.messages - a.messages || (a.vendor < b.vendor ? -1 : 1));
    const organisations = [...this.orgs.entries()]
      .map(([organisation, c]) => ({ organisation, messages: c.messages, messageShare: c.messages / Math.max(1, this.scanned), senders: c.senders.size, senderShare: c.senders.size / Math.max(1, allSenders) }))
      .sort((a, b) => b.messages - a.messages || (a.organisation < b.organisation ? -1 : 1));
    const parties = (['first-party', 'third-party', 'esp-on-sender-domain'] as Party[]).map((party) => {
      const c = this.partyCounts.get(party) ?? { findings: 0, messages: 0 };
      return { party, findings: c.findings, messages: c.messages, messageShare: c.messages / Math.max(1, this.scanned) };
    });
    const months = [...this.months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, c]) => ({
        month,
        messages: c.messages,
        tracked: c.tracked,
        share: c.tracked / c.messages,
        note: month === MPP_START.slice(0, 7) ? `Apple Mail Privacy Protection from ${MPP_START}` : month > MPP_START.slice(0, 7) && month !== '(no date)' ? 'after MPP' : '',
      }));
    const countSenders = (pred: (c: { messages: number; tracked: number }) => boolean, map: Map<string, { messages: number; tracked: number }>) => [...map.values()].filter(pred).length;
    return {
      prevalence,
      senderDomains,
      senderSummary: {
        senders: allSenders,
        sendersTracking: countSenders((c) => c.tracked > 0, this.senders),
        sendersTrackingEvery: countSenders((c) => c.tracked === c.messages, this.senders),
        domains: this.domains.size,
        domainsTracking: countSenders((c) => c.tracked > 0, this.domains),
        domainsTrackingEvery: countSenders((c) => c.tracked === c.messages, this.domains),
      },
      vendors,
      organisations,
      parties,
      months,
      comparison: STUDIES.map((s) => ({
        study: s.study,
        published: s.share,
        note: s.note,
        definition: s.definition,
        denominator: s.denominator,
        ours: prevalence.find((c) => c.definition === s.definition && c.denominator === s.denominator),
      })),
    };
  }
}

function bump(map: Map<string, { messages: number; tracked: number }>, key: string, tracked: boolean): void {
  const c = map.get(key) ?? { messages: 0, tracked: 0 };
  c.messages++;
  if (tracked) c.tracked++;
  map.set(key, c);
}
