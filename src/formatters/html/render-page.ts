import { STUDIES } from '../../stats/definitions.js';
import type { Summary } from '../../report/summary.js';
import { VERSION } from '../../version.js';
import { contentSecurityPolicy } from './csp.js';
import { dataTable } from './data-table.js';
import { capDeep, esc, scriptJson } from './escape.js';
import { definitionsFigure, linksFigure, monthsFigure, pct, sendersFigure, studiesFigure, vendorFigures } from './figures.js';
import type { MessageSample } from './message-sample.js';
import { messagesSection, sendersSection } from './messages.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

export interface PageInput {
  summary: Summary;
  sample: MessageSample;
  inputs: string[];
  top: number;
  /** When the report is made: dates more than a year after it are out of the month chart's range. */
  now?: Date;
}

const stat = (value: string, label: string): string => `<div class="stat"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${body}</section>`;
}

/**
 * The whole report as one self-contained page: a pure function of the summary and the chosen
 * messages. Every string that came from a message passes through `esc`; the data block for
 * readers of the file goes through `scriptJson`.
 */
export function renderPage({ summary: s, sample, inputs, top, now = new Date() }: PageInput): string {
  const study = s.study;
  const sections: Array<[string, string, string]> = [];
  if (study) {
    sections.push(['studies', 'Next to the published studies', studiesFigure(study)]);
    sections.push(['definitions', 'Five definitions of “tracked”, six denominators', definitionsFigure(study)]);
    sections.push(['vendors', 'Who tracks', vendorFigures(study, top)]);
  }
  sections.push(['senders', 'Senders', sendersFigure(s, top) + sendersSection(s)]);
  if (study) sections.push(['months', 'Over time', monthsFigure(study, now)]);
  sections.push(['links', 'Links, addresses and receipts', linksFigure(s, study)]);
  sections.push(['messages', 'Messages', messagesSection(sample)]);
  sections.push(['unread', 'Not read', unread(s)]);
  const data = { tool: 'pixelaudit', version: VERSION, inputs, summary: s, published: STUDIES, sample: { seen: sample.seen, listed: sample.listed } };
  const headline = `Tracked: ${s.tracked.toLocaleString('en')} of ${s.scanned.toLocaleString('en')} scanned messages (${pct(s.share)}, 95% CI ${pct(s.interval.low)}–${pct(s.interval.high)})`;
  const title = `pixelaudit report: ${pct(s.share)} of ${s.scanned.toLocaleString('en')} messages tracked`;
  return htmlDocument(
    title,
    `<main>
<header>
<h1>${esc(headline)}</h1>
${s.unredacted ? '<p class="unredacted" role="note"><b>Not redacted.</b> These results were written with <code>--no-redact</code>: addresses, names and tokens in this page are shown as they are. Think before sharing it.</p>' : ''}
<p class="meta">pixelaudit ${esc(VERSION)} · ${esc(inputs.length ? `inputs: ${inputs.join(', ')}` : 'inputs: (none named)')} ${s.imap ? esc(` · IMAP mailboxes: ${s.imap.mailboxes.join(', ')} (${s.imap.mode}; ${s.imap.fromCache.toLocaleString('en')} from the cache)`) : ''} · nothing in this page loads from the network, and no link in it leads to a message’s URL.</p>
<div class="headline">
${stat(pct(s.share), `tracked (95% CI ${pct(s.interval.low)}–${pct(s.interval.high)})`)}
${stat(`${s.scanned.toLocaleString('en')} / ${s.found.toLocaleString('en')}`, `messages scanned / found; ${s.failed.toLocaleString('en')} failed`)}
${stat(pct(s.scanned ? s.linkTracked / s.scanned : 0), `with click-tracked links (${s.linkTracked.toLocaleString('en')})`)}
${stat(s.addressLeak.toLocaleString('en'), `put your address in a URL, ${s.addressLeakThirdParty.toLocaleString('en')} to a third party`)}
${stat((study?.vendors.length ?? s.vendors.length).toLocaleString('en'), 'tracking vendors seen')}
</div>
${s.spacerOnly ? `<p class="note">${esc(`${s.spacerOnly.toLocaleString('en')} more hold only invisible spacers, which do not count as tracking.`)}</p>` : ''}
<nav aria-label="Sections"><ul>${sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ul></nav>
</header>
${sections.map(([id, title, body]) => section(id, title, body)).join('\n')}
</main>`,
    data,
  );
}

function unread(s: Summary): string {
  const failures = s.failures.length
    ? dataTable(
        'failures-data',
        'Why messages failed (each is listed in the messages table above when sampled).',
        [{ head: 'reason' }, { head: 'messages', num: true }],
        s.failures.map((f) => [f.key, f.messages]),
      )
    : '<p>No message failed.</p>';
  const skipped = s.skippedReasons.length
    ? dataTable(
        'skipped-data',
        'Files passed over while walking the inputs, by reason.',
        [{ head: 'reason' }, { head: 'files', num: true }],
        s.skippedReasons.map((r) => [r.reason, r.files]),
      )
    : '<p>No file was passed over.</p>';
  return `<p>${esc(`${s.found.toLocaleString('en')} messages found = ${s.scanned.toLocaleString('en')} scanned + ${s.failed.toLocaleString('en')} failed.`)}</p>${failures}${skipped}`;
}

/**
 * The page around a report's <main>: the Content-Security-Policy with the hashes of the one
 * script and stylesheet, the data block for readers of the file, light and dark. `scan`'s and
 * `check`'s pages share it, so both are held to the same policy.
 */
export function htmlDocument(title: string, main: string, data: unknown): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(PAGE_SCRIPT, PAGE_STYLE))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${main}
<script type="application/json" id="pixelaudit-data">${scriptJson(capDeep(data))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
