import { analyseExtracted, base, type MessageContext } from '../engine/analyse-html.js';
import type { Detector } from '../engine/detector.js';
import { extractResources } from '../html/extract-resources.js';
import type { Finding } from '../types.js';
import { addressFinderFor } from '../url/address-leak.js';
import type { RawFinding } from './check-finding.js';
import { baseExpressionFinding, linkFinding, resourceExpressionFinding } from './expression-findings.js';
import { urlShape } from './fingerprint.js';
import type { LineIndex } from '../html/line-index.js';
import { maskWithShifts, placeholdersIn, unmask } from './placeholders.js';
import { MaskedSource } from './masked-source.js';
import { tagFindings } from './tag-findings.js';
import { scanExpressions, type TemplateExpression, type UnclosedExpression } from './template-expressions.js';
import { unclosedTemplateExpression } from './rules/unclosed-template-expression.js';
import type { SyntaxName } from './template-syntax.js';
import type { CompiledTag } from './template-tags.js';

/** A template has no recipient and no sender: no address to look for, no party to compare with. */
const TEMPLATE_CONTEXT: MessageContext = { addresses: addressFinderFor([]), senderDomains: new Set() };

/**
 * Every finding of one template's source, with positions in that source. The HTML is read with
 * each template expression masked by a same-length placeholder (placeholders.ts), so the
 * standard's parser sees the document the mail client will, and the scan's own extraction and
 * rules judge it (known trackers, analytics beacons such as Google Analytics /collect and the
 * Meta pixel, hidden pixels, click redirects); then the template rules add what only the
 * template shows: tags that insert pixels or wrap links, expressions in resource URLs and link
 * queries, and links that only carry utm_* campaign tags.
 */
export interface TemplateCheck {
  findings: RawFinding[];
  masked: string;
  expressions: TemplateExpression[];
  at: LineIndex;
}

export function checkTemplate(source: string, syntax: SyntaxName, detector: Detector, tags: CompiledTag[]): TemplateCheck {
  const { expressions, unclosed } = scanExpressions(source, syntax);
  const { masked, shifts } = maskWithShifts(source, expressions);
  // Offsets of findings are source offsets; positions the parser reports in the masked text are mapped back.
  const at = new MaskedSource(source, masked, shifts);
  const extracted = extractResources(masked);
  const analysis = analyseExtracted(extracted, TEMPLATE_CONTEXT, detector);
  const out: RawFinding[] = [];
  // The words are rendered later from the data, so the data's strings are unmasked as the URLs are.
  const unmaskData = (data: Finding['data']): Finding['data'] => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? unmask(v, expressions) : v]));
  const shown = (f: Finding): Finding => ({ ...f, url: unmask(f.url, expressions), ...(f.destination ? { destination: unmask(f.destination, expressions) } : {}), data: unmaskData(f.data) });

  for (const r of analysis.resources) {
    const res = r.facts.resource;
    const scanned: RawFinding | undefined = r.finding
      ? { finding: shown(r.finding), offset: at.offset(res.position), element: res.element, shape: urlShape(res.url, expressions), literal: placeholdersIn(res.url, expressions).length === 0 }
      : undefined;
    if (scanned) out.push(scanned);
    const own = resourceExpressionFinding(res, expressions, at);
    // A pixel the scan's rules call tracking is reported once, by them, unless they are configured down (run-check.ts).
    if (own) out.push(scanned?.finding.tracking ? { ...own, repeats: scanned } : own);
  }
  const tagged = tagFindings(source, masked, expressions, [...extracted.resources, ...extracted.links, ...extracted.rejected], tags, at);
  // A URL that is a tracking tag as a whole (`<img src="{tracking_pixel}">`) is that tag's finding, not a second one.
  const taggedAt = new Set(tagged.map((t) => t.offset));
  for (const r of extracted.rejected) {
    const own = baseExpressionFinding(r, expressions, at);
    if (own && !taggedAt.has(placeholdersIn(r.written.trim(), expressions)[0]?.expression.start ?? -1)) out.push(own);
  }
  const judged = new Set<string>();
  for (const l of analysis.links) {
    judged.add(l.facts.link.url);
    const literal = placeholdersIn(l.facts.link.url, expressions).length === 0;
    for (const f of l.findings) out.push({ finding: shown(f), offset: at.offset(l.facts.link.position), element: 'a', shape: urlShape(l.facts.link.url, expressions), literal });
  }
  // One finding per distinct URL, as the scan's link rules give, counting the links that carry it.
  const own = new Map<string, RawFinding>();
  for (const link of extracted.links) {
    if (judged.has(link.url)) continue;
    const seen = own.get(link.url);
    if (seen) {
      (seen.finding.data.links as number)++;
      continue;
    }
    const f = linkFinding(link, expressions, at);
    if (f) {
      own.set(link.url, f);
      out.push(f);
    }
  }
  for (const f of tagged) out.push(f);
  for (const f of unclosedFindings(source, unclosed, at)) out.push(f);
  // Every position is the source's line and column of its offset (a URL in a word a removed tag shortened moved left in the masked text).
  if (shifts.starts.length > 0) for (const r of out) if (r.finding.position) r.finding.position = at.position(r.offset);
  return { findings: out.sort((a, b) => a.offset - b.offset), masked, expressions, at };
}

/**
 * At most this many PA016 findings a file, then one that counts the rest, as a message lists at
 * most MAX_FINDINGS: `{{ a<b }}` a hundred thousand times was 100,000 findings (474 MB, 10.7 s),
 * and the first few say all there is to fix.
 */
export const MAX_UNCLOSED = 20;

function unclosedFindings(source: string, unclosed: UnclosedExpression[], at: LineIndex): RawFinding[] {
  const out = unclosed.slice(0, MAX_UNCLOSED).map((u) => unclosedFinding(source, u, at));
  const more = unclosed.length - MAX_UNCLOSED;
  if (more > 0) {
    const first = unclosed[MAX_UNCLOSED];
    const data = { count: more, line: at.position(first.start).line };
    const finding = base(unclosedTemplateExpression, { messageKey: 'more', tracking: false, data }, { url: '', kind: 'template', position: at.position(first.start) });
    out.push({ finding, offset: first.start, element: 'template', shape: 'unclosed:more' });
  }
  return out;
}

/** PA016 at the opener, naming what ended it: the engine refuses the template, and the rest was read as HTML. */
function unclosedFinding(source: string, u: UnclosedExpression, at: LineIndex): RawFinding {
  const stop = u.stop >= source.length ? 'end of the file' : source[u.stop] === '<' ? `tag ${JSON.stringify(source.slice(u.stop, u.stop + 2))}` : 'line break';
  const data = { open: u.open, stop, stopLine: at.position(u.stop).line };
  const finding = base(unclosedTemplateExpression, { messageKey: 'unclosed', tracking: false, data }, { url: '', kind: 'template', position: at.position(u.start) });
  return { finding, offset: u.start, element: 'template', shape: `unclosed:${u.open}` };
}
