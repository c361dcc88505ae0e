import type { Summary } from '../../report/summary.js';
import type { Finding, MessageResult } from '../../types.js';
import { positionText, ruleLine } from '../explain.js';
import { dataTable } from './data-table.js';
import { esc } from './escape.js';
import { SAMPLE_LIMITS, type MessageSample } from './message-sample.js';

/** How many sender addresses the sortable sender table lists (the figures count them all). */
export const SENDERS_LISTED = 1_000;

/**
 * One finding in the words of `explain` (positionText, ruleLine: one implementation). The URL
 * is text in a `<code>`, never a `src` or `href`: opening the report must not fire a pixel, and
 * a `javascript:` link must not be one click away.
 */
function findingItem(f: Finding): string {
  const where = f.position ? ` at ${positionText(f.position)}` : '';
  const vendor = f.vendorName ? `; vendor: ${f.vendorName}` : '';
  return `<li><code class="url">${esc(f.url)}</code><br>${esc(`${f.kind}${where}${vendor}`)}<br>${esc(ruleLine(f))}${f.destination ? `<br>goes to <code class="url">${esc(f.destination)}</code>` : ''}</li>`;
}

function details(r: MessageResult): string {
  const findings = r.findings.length ? `<ul>${r.findings.map(findingItem).join('')}</ul>` : '<p class="note">No findings.</p>';
  const facts = [`source: ${r.source}`, `Message-ID: ${r.messageIdHeader ?? '(none)'}`, `platform: ${r.platform ?? 'not named by the headers'}; ${r.resources} remote resource${r.resources === 1 ? '' : 's'}${r.html ? '' : '; no HTML part'}`];
  const warnings = r.warnings.map((w) => `<li>warning: ${esc(w)}</li>`).join('');
  const error = r.error !== null ? `<p class="yes">failed: ${esc(r.error)}</p>` : '';
  return `${error}${findings}<ul class="note">${facts.map((f) => `<li>${esc(f)}</li>`).join('')}${warnings}</ul>`;
}

const states = (r: MessageResult): string => [r.error !== null ? 'failed' : r.tracked ? 'tracked' : 'not-tracked', r.linkTracked ? 'link-tracked' : '', r.addressLeak ? 'address-leak' : ''].filter(Boolean).join(' ');

/** What the page lists and how it chose, in one sentence. */
export function sampleStatement(sample: MessageSample): string {
  const { seen, listed } = sample;
  const part = (kind: 'tracked' | 'failed' | 'other', name: string): string =>
    seen[kind] === listed[kind] ? `all ${seen[kind].toLocaleString('en')} ${name}` : `a random sample of ${listed[kind].toLocaleString('en')} of the ${seen[kind].toLocaleString('en')} ${name}`;
  const total = seen.tracked + seen.failed + seen.other;
  const shown = listed.tracked + listed.failed + listed.other;
  const all = shown === total;
  return `This page lists ${all ? 'every message' : `${shown.toLocaleString('en')} of the ${total.toLocaleString('en')} messages`}: ${part('tracked', 'tracked')}, ${part('failed', 'failed')} and ${part('other', 'others')}${all ? '' : ` (at most ${SAMPLE_LIMITS.tracked.toLocaleString('en')}, ${SAMPLE_LIMITS.failed.toLocaleString('en')} and ${SAMPLE_LIMITS.other.toLocaleString('en')}, so that the page stays quick; the same input gives the same sample)`}. Every figure above counts every message.`;
}

export function filters(tableId: string, label: string, states?: Array<[string, string]>): string {
  const select = states ? `<label>show <select>${states.map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`).join('')}</select></label>` : '';
  return `<div class="filters" role="search" data-filters="${esc(tableId)}"><label>filter ${esc(label)} <input type="search" placeholder="words to find"></label>${select}<span data-status="" aria-live="polite" class="note"></span></div>`;
}

export function messagesSection(sample: MessageSample): string {
  const rows = sample.messages.map((r) => {
    const vendors = [...new Set(r.findings.filter((f) => f.tracking && f.vendorName).map((f) => f.vendorName as string))].join(', ');
    const verdict = r.error !== null ? 'failed' : r.tracked ? 'tracked' : 'no';
    return [
      { text: r.date?.slice(0, 10) ?? '', sort: r.date ?? '' },
      r.from ?? '(none)',
      { html: `<details><summary>${esc(r.subject ?? '(no subject)')}</summary>${details(r)}</details>`, sort: r.subject ?? '' },
      { html: `<span class="${verdict === 'no' ? 'note' : 'yes'}">${verdict}</span>`, sort: verdict },
      vendors,
      r.findings.length,
    ];
  });
  const table = dataTable(
    'messages-table',
    'Messages: open one to see each finding, as `pixelaudit explain` shows it.',
    [{ head: 'date' }, { head: 'from' }, { head: 'subject' }, { head: 'tracked' }, { head: 'vendors' }, { head: 'findings', num: true }],
    rows,
    {
      sortable: true,
      scroll: true,
      rowState: (i) => states(sample.messages[i]),
    },
  );
  const choices: Array<[string, string]> = [
    ['', 'all'],
    ['tracked', 'tracked'],
    ['not-tracked', 'not tracked'],
    ['link-tracked', 'link-tracked'],
    ['address-leak', 'address leaks'],
    ['failed', 'failed'],
  ];
  return `<p>${esc(sampleStatement(sample))}</p>${filters('messages-table', 'messages', choices)}${table}`;
}

export function sendersSection(summary: Summary): string {
  const senders = summary.senders.slice(0, SENDERS_LISTED);
  const more = summary.senders.length > senders.length ? ` The ${SENDERS_LISTED.toLocaleString('en')} who track most of the ${summary.senders.length.toLocaleString('en')} are listed.` : '';
  const table = dataTable(
    'senders-table',
    'Sender addresses that sent at least one tracked message.',
    [{ head: 'sender' }, { head: 'tracked', num: true }, { head: 'messages', num: true }, { head: 'share', num: true }],
    senders.map((s) => [s.sender, s.tracked, s.messages, { text: `${((s.tracked / s.messages) * 100).toFixed(1)}%`, sort: s.tracked / s.messages }]),
    { sortable: true, scroll: true },
  );
  return `<p>${esc(`${summary.senders.length.toLocaleString('en')} sender addresses sent at least one tracked message.${more}`)}</p>${filters('senders-table', 'senders')}${table}`;
}
