import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/check/check-report.js';
import { renderCheckPage } from '../src/formatters/html/check-page.js';

type Element = DefaultTreeAdapterMap['element'];
const elements = (node: DefaultTreeAdapterMap['node'], out: Element[] = []): Element[] => {
  if ('tagName' in node) out.push(node);
  for (const k of 'childNodes' in node ? node.childNodes : []) elements(k, out);
  return out;
};

const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const report: CheckReport = {
  files: [
    {
      file: `templates/${HOSTILE}.html`,
      syntax: 'handlebars',
      suppressed: 1,
      baselined: 0,
      error: null,
      findings: [
        {
          ruleId: 'PA001',
          rule: 'known-tracker',
          messageKey: 'open',
          category: 'open-tracking',
          tracking: true,
          confidence: 'high',
          vendor: 'sendgrid',
          vendorName: 'SendGrid',
          url: `https://u1.ct.sendgrid.net/wf/open?x="><script>window.__pwned=2</script>`,
          kind: 'img',
          host: 'u1.ct.sendgrid.net',
          party: 'third-party',
          data: { vendorName: 'SendGrid', pattern: 'sendgrid-open' },
          file: `templates/${HOSTILE}.html`,
          position: { line: 12, column: 7 },
          severity: 'error',
          fingerprint: 'f1',
          element: 'img',
        },
      ],
    },
    { file: 'templates/broken.html', syntax: 'html', suppressed: 0, baselined: 0, error: 'not UTF-8 text', findings: [] },
  ],
  summary: { files: 2, failed: 1, errors: 1, warnings: 0, infos: 0, suppressed: 1, baselined: 0, failOn: 'warning', maxWarnings: null },
} as unknown as CheckReport;

describe('check -f html: renderCheckPage', () => {
  it('lists every file and each finding at file:line:column, with the rule’s words', () => {
    const html = renderCheckPage(report);
    const doc = parse(html);
    const rows = (id: string): string[][] => {
      const table = elements(doc).find((e) => e.attrs.some((a) => a.name === 'id' && a.value === id)) as Element;
      return elements(table)
        .filter((e) => e.tagName === 'tr')
        .slice(1)
        .map((tr) =>
          elements(tr)
            .filter((e) => e.tagName === 'td')
            .map(textOf),
        );
    };
    const findings = rows('check-findings');
    expect(findings).toHaveLength(1);
    expect(findings[0][0]).toBe(`templates/${HOSTILE}.html:12:7`);
    expect(findings[0][1]).toBe('error');
    expect(findings[0][3]).toMatch(/SendGrid/);
    const files = rows('check-files');
    expect(files.map((r) => r[0])).toEqual([`templates/${HOSTILE}.html`, 'templates/broken.html']);
    expect(files[1][5]).toBe('not UTF-8 text');
  });

  it('is inert: only the page’s own two scripts, no image, no link out, a CSP of default-src none', () => {
    const html = renderCheckPage(report);
    const all = elements(parse(html));
    expect(all.filter((e) => e.tagName === 'script').map((s) => s.attrs.find((a) => a.name === 'type')?.value ?? 'classic')).toEqual(['application/json', 'classic']);
    expect(all.filter((e) => ['img', 'iframe', 'object', 'embed', 'link', 'base', 'form'].includes(e.tagName))).toEqual([]);
    expect(all.flatMap((e) => e.attrs).filter((a) => /^on/i.test(a.name) || (a.name === 'href' && !a.value.startsWith('#')) || a.name === 'src')).toEqual([]);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
  });
});

function textOf(node: DefaultTreeAdapterMap['node']): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
