import { Chalk } from 'chalk';
import { notReadText, type CheckReport } from '../check/check-report.js';
import { findingMessage } from '../rules/finding-message.js';
import { visible } from './safe-text.js';

/**
 * `check`'s default output, as linters print it: each file with its findings as
 * `line:column  severity  message  rule`, then one line of counts. Every text from a template is
 * shown through visible(), so a template cannot drive the terminal.
 */
export function formatCheckTable(report: CheckReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, info: c.blue };
  let out = '';
  for (const f of report.files) {
    if (f.error !== null) {
      out += `${c.underline(visible(f.file))}\n  ${c.red('error')}  could not be checked: ${visible(f.error)}\n\n`;
      continue;
    }
    if (f.findings.length === 0) continue;
    out += `${c.underline(visible(f.file))}\n`;
    // A position in an .eml is in its decoded HTML part, not the file: said as `file part 1.2 (text/html) 12:5`, never `file:12:5`.
    const where = f.findings.map((x) =>
      x.htmlPart === 'headers' ? `${visible(f.file)} headers` : x.htmlPart ? `${visible(f.file)} ${x.htmlPart} ${x.position.line}:${x.position.column}` : `${visible(f.file)}:${x.position.line}:${x.position.column}`,
    );
    const width = where.reduce((widest, w) => Math.max(widest, w.length), 0);
    f.findings.forEach((x, i) => {
      const url = x.url && x.kind !== 'template' ? `  ${c.dim(visible(x.url.length > 120 ? `${x.url.slice(0, 117)}...` : x.url))}` : '';
      out += `  ${c.dim(where[i].padEnd(width))}  ${paint[x.severity](x.severity.padEnd(7))}  ${visible(findingMessage(x))}  ${c.dim(`${x.ruleId} ${x.rule}`)}${url}\n`;
    });
    out += '\n';
  }
  const s = report.summary;
  const problems = s.errors + s.warnings + s.infos;
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`, `${s.infos} info`];
  const quiet = [s.suppressed ? `${s.suppressed} suppressed` : '', s.baselined ? `${s.baselined} in the baseline` : '', s.failed ? `${s.failed} file${s.failed === 1 ? '' : 's'} not checked` : '', notReadText(s.notRead)].filter(Boolean);
  out += `${problems ? (s.errors ? c.red('✖') : c.yellow('!')) : c.green('✔')} ${problems} finding${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}${quiet.length ? `; ${quiet.join(', ')}` : ''}\n`;
  return out;
}
