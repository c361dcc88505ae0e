import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { renderStudy } from './study-table.js';
import type { Summary } from '../report/summary.js';
import { VERSION } from '../version.js';
import type { FormatterFactory } from './formatter.js';
import { visible, visibleDeep } from './safe-text.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The default terminal report: counts, the tracked share beside published figures, top vendors and senders. */
export const tableFormatter: FormatterFactory = (ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const table = (head: string[]): Table.Table => new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: ctx.color ? ['grey'] : [] } });

  return {
    keepsResults: false,
    end(raw: Summary): string {
      // Sender addresses, vendor names, failure reasons and file names come from outside: no control reaches the terminal.
      const summary = visibleDeep(raw);
      const out: string[] = [];
      out.push(c.bold(`pixelaudit ${VERSION}`) + ` — ${ctx.inputs.map(visible).join(', ')}`, '');
      if (summary.unredacted) out.push(c.yellow('Not redacted: results written with --no-redact; addresses and tokens below are shown as they are.'), '');
      const counts = table(['messages', 'count']);
      counts.push(['found', summary.found], ['scanned', summary.scanned], ['failed', summary.failed], ['with HTML', summary.html]);
      if (summary.skippedFiles) counts.push(['files skipped (see below)', summary.skippedFiles]);
      out.push(counts.toString(), '');
      const share = `${summary.tracked} of ${summary.scanned} scanned messages`;
      const interval = `95% CI ${pct(summary.interval.low)}–${pct(summary.interval.high)}`;
      out.push(`${c.bold('Tracked:')} ${c.yellow(share)} (${pct(summary.share)}, ${interval})`);
      if (summary.spacerOnly) out.push(`  ${summary.spacerOnly} more hold only invisible spacers, which do not count as tracking.`);
      const of = (n: number): string => `${n} (${pct(n / Math.max(1, summary.scanned))})`;
      out.push(`${c.bold('Link tracking:')} ${of(summary.linkTracked)} messages have click-tracked links (not part of "tracked")`);
      out.push(`${c.bold('Address leaks:')} ${of(summary.addressLeak)} messages put your address or its hash in a URL, ${summary.addressLeakThirdParty} to a third party`);
      if (summary.readReceipt) out.push(`${c.bold('Read receipts:')} ${of(summary.readReceipt)} messages ask for one`);
      out.push('');
      if (summary.study) for (const line of renderStudy(summary.study, c, ctx.color, ctx.full ?? false, ctx.top)) out.push(line);
      if (summary.vendors.length) {
        const vendors = table(['vendor', 'category', 'messages', 'share of scanned']);
        for (const v of summary.vendors.slice(0, ctx.top)) vendors.push([v.name ?? v.key, v.category ?? '', v.messages, pct(v.messages / Math.max(1, summary.scanned))]);
        out.push(c.bold('Top vendors'), vendors.toString(), '');
      }
      if (summary.senders.length) {
        const senders = table(['sender', 'tracked', 'messages']);
        for (const s of summary.senders.slice(0, ctx.top)) senders.push([s.sender, s.tracked, s.messages]);
        out.push(c.bold('Top senders by tracked messages'), senders.toString(), '');
      }
      if (summary.imap) {
        const i = summary.imap;
        const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
        out.push(`${c.bold('IMAP:')} ${i.mailboxes.join(', ')}; fetched ${i.mode}; received ${kb(i.bytesReceived)}, sent ${kb(i.bytesSent)}; ` + `${i.fromCache} from cache; ${i.reconnects} reconnect${i.reconnects === 1 ? '' : 's'}`, '');
      }
      if (summary.skippedReasons?.length) {
        // Grouped by reason, with the first file of each: the JSON report lists every one.
        const skipped = table(['why files were skipped', 'files', 'first']);
        for (const r of summary.skippedReasons) skipped.push([r.reason, r.files, summary.skipped.find((f) => f.reason === r.reason)?.source ?? '']);
        out.push(c.bold('Skipped files'), skipped.toString(), '');
      }
      if (summary.failures.length) {
        const failures = table(['why messages failed', 'messages']);
        for (const f of summary.failures.slice(0, ctx.top)) failures.push([f.key, f.messages]);
        out.push(c.bold('Failures'), failures.toString(), '');
      }
      return `${out.join('\n')}\n`;
    },
  };
};
