import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageSampler, type MessageSample } from '../src/formatters/html/message-sample.js';
import { Aggregate } from '../src/report/aggregate.js';
import type { Summary } from '../src/report/summary.js';
import type { Vendor } from '../src/trackers/schema.js';
import type { MessageResult } from '../src/types.js';
import { FIXTURES } from './helpers.js';

export const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
/** Messages written for the report's safety tests: script tags, handlers, breakouts and bidi controls in every field. */
export const HOSTILE = path.join(FIXTURES, 'hostile-report');

/** The hostile mailbox in a folder whose file names are hostile too (made at test time: such names do not belong in git). */
export function HOSTILE_FOLDER(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-hostile-report-'));
  // U+2215 stands for the slash a file name cannot hold.
  const names = ['<script>window.__pwned=20<\u2215script>.eml', '" onmouseover="window.__pwned=21\u202e.eml'];
  readdirSync(HOSTILE)
    .sort()
    .forEach((f, i) => copyFileSync(path.join(HOSTILE, f), path.join(dir, names[i] ?? f)));
  return dir;
}

/** Synthetic results: one in three tracked, one in 500 failed, 2,000 senders over 60 months. */
export function synthetic(i: number): MessageResult {
  const tracked = i % 3 === 0;
  const failed = i % 500 === 7;
  const month = String((i % 12) + 1).padStart(2, '0');
  const finding = {
    ruleId: 'PA001',
    rule: 'known-tracker',
    messageKey: 'open',
    category: 'open-tracking' as const,
    tracking: true,
    confidence: 'high' as const,
    vendor: 'sendgrid',
    vendorName: 'SendGrid',
    url: `https://u${i}.ct.sendgrid.net/wf/open?upn=abcd…`,
    kind: 'img' as const,
    position: { line: 3, column: 5 },
    host: 'ct.sendgrid.net',
    party: 'third-party' as const,
    data: { vendorName: 'SendGrid', pattern: 'sendgrid-open' },
  };
  return {
    source: `box.mbox#${i + 1}`,
    messageIdHeader: `<${i}@example.com>`,
    from: `Sender ${i % 2000} <s${i % 2000}@d${i % 700}.example>`,
    date: `${2019 + (((i / 12) % 5) | 0)}-${month}-10T10:00:00.000Z`,
    subject: `Newsletter ${i}`,
    tracked: tracked && !failed,
    linkTracked: i % 2 === 0,
    addressLeak: i % 50 === 0,
    readReceipt: false,
    platform: null,
    senderDomain: `d${i % 700}.example`,
    bulk: true,
    spam: false,
    transactional: false,
    thirdParty: tracked,
    resources: tracked ? 2 : 0,
    html: true,
    findings: tracked && !failed ? [finding] : [],
    warnings: [],
    error: failed ? 'mime: broken' : null,
  };
}

/** The summary and page sample of 100,000 synthetic messages, fed as a scan feeds them. */
export function largeMailbox(vendors: Map<string, Vendor>, count = 100_000): { summary: Summary; sample: MessageSample } {
  const aggregate = new Aggregate(vendors);
  const sampler = new MessageSampler();
  for (let i = 0; i < count; i++) {
    const r = synthetic(i);
    aggregate.add(r);
    sampler.add(r);
  }
  return { summary: aggregate.build(), sample: sampler.build() };
}
