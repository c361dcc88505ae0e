import type { CheckReport } from '../../check/check-report.js';
import { findingMessage } from '../../rules/finding-message.js';
import { VERSION } from '../../version.js';
import { dataTable } from './data-table.js';
import { esc } from './escape.js';
import { filters } from './messages.js';
import { htmlDocument, section } from './render-page.js';

const SEVERITY_ORDER = { error: 3, warning: 2, info: 1 } as const;

/**
 * `check -f html`: the checked templates as one page under the same policy as the scan report
 * (nothing loads, one hashed script and stylesheet): the counts, a table of files, and every
 * shown finding at file:line:column with its rule's words. Pure: a string out of the report.
 * Template text and URLs are attacker-written like mail, so every one goes through `esc`, and
 * URLs are `<code>` text, never a link.
 */
export function renderCheckPage(report: CheckReport): string {
  const s = report.summary;
  const files = dataTable(
    'check-files',
    'Files checked: syntax, findings shown, suppressed, baselined, and why a file could not be checked.',
    [{ head: 'file' }, { head: 'syntax' }, { head: 'findings', num: true }, { head: 'suppressed', num: true }, { head: 'baselined', num: true }, { head: 'problem' }],
    report.files.map((f) => [f.file, f.syntax, f.findings.length, f.suppressed, f.baselined, f.error ?? '']),
    { sortable: true, scroll: report.files.length > 24, rowState: (i) => (report.files[i].error !== null ? 'failed' : report.files[i].findings.length ? 'findings' : 'clean') },
  );
  const findings = report.files.flatMap((f) => f.findings);
  const table = dataTable(
    'check-findings',
    'Findings: where (file:line:column), severity, rule and what it found.',
    [{ head: 'where' }, { head: 'severity' }, { head: 'rule' }, { head: 'finding' }, { head: 'URL or tag' }],
    findings.map((f) => [
      { text: `${f.file}:${f.position.line}:${f.position.column}`, sort: `${f.file}\u0000${String(f.position.line).padStart(9, '0')}:${String(f.position.column).padStart(9, '0')}` },
      { text: f.severity, sort: SEVERITY_ORDER[f.severity] },
      `${f.ruleId} ${f.rule}`,
      findingMessage(f),
      { html: `<code class="url">${esc(f.url)}</code>`, sort: f.url },
    ]),
    { sortable: true, scroll: findings.length > 24, rowState: (i) => findings[i].severity },
  );
  const counts = `${s.files.toLocaleString('en')} files checked, ${s.failed.toLocaleString('en')} could not be; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes shown; ${s.suppressed} suppressed, ${s.baselined} baselined. Fails on: ${s.failOn}${s.maxWarnings !== null ? `, or more than ${s.maxWarnings} warnings` : ''}.`;
  const headline = `pixelaudit check: ${findings.length.toLocaleString('en')} findings in ${s.files.toLocaleString('en')} files`;
  const main = `<main>
<header>
<h1>${esc(headline)}</h1>
<p class="meta">pixelaudit ${esc(VERSION)} · nothing in this page loads from the network, and no link in it leads to a template’s URL.</p>
<p>${esc(counts)}</p>
</header>
${section(
  'check-findings-s',
  'Findings',
  findings.length
    ? filters('check-findings', 'findings', [
        ['', 'all'],
        ['error', 'errors'],
        ['warning', 'warnings'],
        ['info', 'notes'],
      ]) + table
    : '<p>No finding.</p>',
)}
${section(
  'check-files-s',
  'Files',
  filters('check-files', 'files', [
    ['', 'all'],
    ['findings', 'with findings'],
    ['failed', 'not checked'],
    ['clean', 'clean'],
  ]) + files,
)}
</main>`;
  return htmlDocument(headline, main, { tool: 'pixelaudit', command: 'check', version: VERSION, summary: s });
}
