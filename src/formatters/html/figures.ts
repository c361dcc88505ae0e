import { DEFINITIONS, DENOMINATORS } from '../../stats/definitions.js';
import { MPP_START, type Cell as StudyCell, type StudyTables } from '../../stats/study.js';
import type { Summary } from '../../report/summary.js';
import { dataTable } from './data-table.js';
import { FIRST_MONTH, monthAxis } from './month-axis.js';
import { esc } from './escape.js';
import { barChart, monthChart, WIDE, type Bar } from './svg-charts.js';

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ci = (i: { low: number; high: number }): string => `${pct(i.low)}–${pct(i.high)}`;
const cellText = (x: StudyCell | undefined): string => (x && x.n ? `${x.k}/${x.n} ${pct(x.share)} [${ci(x.wilson)}]` : '–');
const shareBar = (label: string, k: number, n: number, interval?: { low: number; high: number }): Bar => ({
  label,
  value: n ? k / n : 0,
  text: n ? `${pct(k / n)} (${k.toLocaleString('en')})` : 'none',
  ...(interval && n ? { interval } : {}),
});

/** A chart with its table beside it: the table is the chart's text alternative, and what prints when colour does not. */
export function figure(id: string, title: string, chart: (tableId: string) => string, table: string, note = '', stacked = false): string {
  // The table may be wider than its column and scroll sideways: focusable and named, so a keyboard user can scroll it too (WCAG 2.1.1).
  return `<div class="${stacked ? 'stacked' : 'pair'}"><figure><figcaption>${esc(title)}</figcaption>${chart(`${id}-table`)}${note}</figure><div id="${esc(id)}-table" class="tablewrap" tabindex="0" role="region" aria-label="${esc(`${title}: table`)}">${table}</div></div>`;
}

/** Your share next to each published study, with the definition and denominator it used. */
export function studiesFigure(study: StudyTables): string {
  const label = (r: StudyTables['comparison'][number]): string => `${r.study.replace(/, (PETS|IEEE S&P) /, ' ')} ${r.definition}/${r.denominator}`;
  const bars: Bar[] = study.comparison.map((r) => ({ ...shareBar(label(r), r.ours?.k ?? 0, r.ours?.n ?? 0, r.ours?.wilson), marker: r.published }));
  const def = (id: string): string => DEFINITIONS.find((d) => d.id === id)?.name ?? id;
  const den = (id: string): string => DENOMINATORS.find((d) => d.id === id)?.text ?? id;
  const rows = study.comparison.map((r) => [
    `${r.study}: ${r.note}`,
    { text: pct(r.published), sort: r.published },
    `${r.definition} ${def(r.definition)}`,
    `${r.denominator}: ${den(r.denominator)}`,
    { text: cellText(r.ours), sort: r.ours?.share ?? 0 },
  ]);
  const legend =
    '<div class="side"><p class="legend"><span><span class="key bar"></span>yours</span><span><span class="key ci"></span>95% Wilson interval</span><span><span class="key pub"></span>published figure</span></p>' +
    '<p class="note">Each study counted something else: HEY any invisible image in non-spam mail (D2), Englehardt et al. mailing-list mail (bulk), OMC all mail and person-to-person mail. Each bar is your mail counted their way, so the red mark and the bar can be compared; the whisker is how sure the bar is, given how many messages it counts.</p></div>';
  return figure(
    'studies',
    'Your mail next to the published studies',
    (t) => barChart('chart-studies', 'Share of your messages under each study’s definition and denominator, with the published figure marked', bars, { share: true, describedBy: t, layout: WIDE }),
    dataTable(
      'studies-data',
      'Each study’s figure, the definition and denominator it counts, and yours under the same (k/n, share, 95% Wilson interval).',
      [{ head: 'study' }, { head: 'published', num: true }, { head: 'definition' }, { head: 'denominator' }, { head: 'yours', num: true }],
      rows,
    ),
    legend,
    true,
  );
}

const SMALL = { width: 450, labelWidth: 185 };

/** D1-D5 under each denominator: small multiples, one chart a denominator, and the whole grid as one table. */
export function definitionsFigure(study: StudyTables): string {
  const charts = DENOMINATORS.map((den) => {
    const cells = DEFINITIONS.map((d) => study.prevalence.find((p) => p.definition === d.id && p.denominator === den.id));
    const n = cells[0]?.n ?? 0;
    const bars = DEFINITIONS.map((d, i) => shareBar(`${d.id} ${d.name}`, cells[i]?.k ?? 0, cells[i]?.n ?? 0, cells[i]?.wilson));
    return `<figure><figcaption>${esc(den.id)} <span class="note">(${n.toLocaleString('en')} messages)</span></figcaption>${barChart(`chart-den-${den.id}`, `D1 to D5 over ${den.id}: ${den.text}`, bars, { share: true, describedBy: 'definitions-data', layout: SMALL })}</figure>`;
  }).join('');
  const rows = DEFINITIONS.map((d) => [
    `${d.id} ${d.name}`,
    ...DENOMINATORS.map((den) => {
      const c = study.prevalence.find((p) => p.definition === d.id && p.denominator === den.id);
      return { text: cellText(c), sort: c?.share ?? 0 };
    }),
  ]);
  const boot = study.prevalence.filter((p) => p.definition === 'D3' && p.senderBootstrap && p.n > 0);
  const notes = [
    '<ul class="note">',
    ...DEFINITIONS.map((d) => `<li><b>${esc(d.id)}</b> ${esc(d.name)}: ${esc(d.text)}</li>`),
    ...DENOMINATORS.map((d) => `<li><b>${esc(d.id)}</b>: ${esc(d.text)}</li>`),
    '</ul>',
    boot.length ? `<p class="note">D3 with senders resampled (bootstrap, 1,000 resamples): ${esc(boot.map((p) => `${p.denominator} ${ci(p.senderBootstrap as { low: number; high: number })}`).join('; '))}.</p>` : '',
  ].join('');
  return `<div class="small-multiples">${charts}</div>${dataTable('definitions-data', 'Prevalence by definition (rows) and denominator (columns): k/n, share, 95% Wilson interval.', [{ head: 'definition' }, ...DENOMINATORS.map((d) => ({ head: d.id, num: true }))], rows)}${notes}`;
}

/** The vendors and the organisations behind them, by messages tracked. */
export function vendorFigures(study: StudyTables, top: number): string {
  const vendors = study.vendors.slice(0, top);
  const orgs = study.organisations.slice(0, top);
  const count = (messages: number, share: number): Bar['text'] => `${messages.toLocaleString('en')} (${pct(share)})`;
  return [
    figure(
      'vendors',
      `Top ${vendors.length} vendors, by messages they track`,
      (t) =>
        barChart(
          'chart-vendors',
          'Messages tracked by each vendor',
          vendors.map((v) => ({ label: v.name, value: v.messages, text: count(v.messages, v.messageShare) })),
          { share: false, describedBy: t },
        ),
      dataTable(
        'vendors-data',
        'Vendors: messages with their tracking (share of scanned messages) and senders using them.',
        [{ head: 'vendor' }, { head: 'organisation' }, { head: 'category' }, { head: 'messages', num: true }, { head: 'share', num: true }, { head: 'senders', num: true }],
        vendors.map((v) => [v.name, v.organisation, v.category, v.messages, { text: pct(v.messageShare), sort: v.messageShare }, v.senders]),
      ),
    ),
    figure(
      'organisations',
      `Top ${orgs.length} organisations behind them`,
      (t) =>
        barChart(
          'chart-organisations',
          'Messages tracked by each organisation',
          orgs.map((o) => ({ label: o.organisation, value: o.messages, text: count(o.messages, o.messageShare) })),
          { share: false, describedBy: t },
        ),
      dataTable(
        'organisations-data',
        'Organisations: messages tracked by any of their vendors, and senders.',
        [{ head: 'organisation' }, { head: 'messages', num: true }, { head: 'share', num: true }, { head: 'senders', num: true }],
        orgs.map((o) => [o.organisation, o.messages, { text: pct(o.messageShare), sort: o.messageShare }, o.senders]),
      ),
    ),
  ].join('');
}

/** The senders who track most, by tracked messages. */
export function sendersFigure(summary: Summary, top: number): string {
  const senders = summary.senders.slice(0, top);
  return figure(
    'top-senders',
    `Top ${senders.length} senders, by tracked messages`,
    (t) =>
      barChart(
        'chart-senders',
        'Tracked messages of each sender',
        senders.map((s) => ({ label: s.sender, value: s.tracked, text: `${s.tracked.toLocaleString('en')} of ${s.messages.toLocaleString('en')}` })),
        { share: false, describedBy: t },
      ),
    dataTable(
      'top-senders-data',
      'Senders: tracked messages of all their messages.',
      [{ head: 'sender' }, { head: 'tracked', num: true }, { head: 'messages', num: true }],
      senders.map((s) => [s.sender, s.tracked, s.messages]),
    ),
  );
}

/** Share tracked by month, Apple Mail Privacy Protection marked. */
export function monthsFigure(study: StudyTables, now: Date): string {
  const axis = monthAxis(study.months, now);
  const dated = axis.months;
  const left = [
    axis.outOfRange
      ? `${axis.outOfRange.toLocaleString('en')} ${axis.outOfRange === 1 ? 'message has a' : 'messages have a'} date out of range (before ${FIRST_MONTH} or more than a year after this report was made), left out of the chart and this table.`
      : '',
    axis.undated ? `${axis.undated.toLocaleString('en')} without a date (the last row).` : '',
  ].filter(Boolean);
  const tableRows = [...dated, ...study.months.filter((m) => m.month === '(no date)')];
  const note = `${left.length ? `<p class="note" data-out-of-range="${axis.outOfRange}">${esc(left.join(' '))}</p>` : ''}<p class="note">From ${esc(MPP_START)} Apple Mail fetches every remote image through its proxy when a message arrives, read or not: after it, an open reported by a pixel no longer means a person read the mail.</p>`;
  return figure(
    'months',
    'Share of messages tracked, by month',
    (t) =>
      monthChart(
        'chart-months',
        'Share of messages tracked each month, with the start of Apple Mail Privacy Protection marked',
        dated.map((m) => ({ month: m.month, share: m.share, messages: m.messages })),
        MPP_START,
        t,
      ),
    dataTable(
      'months-data',
      'Months: messages, tracked, share.',
      [{ head: 'month' }, { head: 'messages', num: true }, { head: 'tracked', num: true }, { head: 'share', num: true }, { head: 'note' }],
      tableRows.map((m) => [m.month, m.messages, m.tracked, { text: m.messages ? pct(m.share) : '–', sort: m.share }, m.note]),
      { scroll: tableRows.length > 24 },
    ),
    note,
  );
}

/** Open tracking, link tracking, address leaks and read receipts as shares of the scanned messages; who runs the tracking hosts. */
export function linksFigure(summary: Summary, study: StudyTables | undefined): string {
  const n = summary.scanned;
  const counts: Array<[string, number, { low: number; high: number } | undefined]> = [
    ['open-tracked (pixels)', summary.tracked, summary.interval],
    ['click-tracked links', summary.linkTracked, undefined],
    ['address in a URL', summary.addressLeak, undefined],
    ['…to a third party', summary.addressLeakThirdParty, undefined],
    ['read receipt asked', summary.readReceipt, undefined],
    ...(study?.parties ?? []).map((p): [string, number, undefined] => [`tracking host: ${p.party}`, p.messages, undefined]),
  ];
  const bars = counts.map(([label, k, interval]) => shareBar(label, k, n, interval));
  return figure(
    'links',
    'Link tracking, address leaks and who runs the hosts',
    (t) => barChart('chart-links', 'Share of scanned messages with each kind of tracking', bars, { share: true, describedBy: t }),
    dataTable(
      'links-data',
      `Messages of the ${n.toLocaleString('en')} scanned. Link tracking is counted apart from "tracked".`,
      [{ head: 'what' }, { head: 'messages', num: true }, { head: 'share', num: true }],
      counts.map(([label, k]) => [label, k, { text: pct(n ? k / n : 0), sort: n ? k / n : 0 }]),
    ),
  );
}
