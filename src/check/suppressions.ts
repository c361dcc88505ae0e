import { base } from '../engine/analyse-html.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RawFinding } from './check-finding.js';
import type { TreeComment } from './element-paths.js';
import type { LineIndex } from '../html/line-index.js';
import { suppressionWithoutReason } from './rules/suppression-without-reason.js';
import type { TemplateExpression } from './template-expressions.js';

export const SUPPRESSION_DIRECTIVE = 'pixelaudit-disable-next-element';
const DIRECTIVE = SUPPRESSION_DIRECTIVE;

/** One suppression comment: the rules it names, the span of the element it covers. */
interface Suppression {
  rules: Set<string>;
  from: number;
  to: number;
}

/**
 * Applies `<!-- pixelaudit-disable-next-element PA001 known-tracker -- reason -->`: the findings
 * of the named rules (ids or aliases) on the next element (its start tag, or a whole `<style>`)
 * or the next template tag are dropped. A comment without a reason or without a rule suppresses
 * nothing and is a PA015 finding itself: a suppression is a reviewed decision and says why.
 */
export function applySuppressions(masked: string, expressions: TemplateExpression[], raw: RawFinding[], rules: RuleMeta[], at: LineIndex, comments: readonly TreeComment[]): { kept: RawFinding[]; suppressed: number } {
  const byName = new Map<string, string>();
  for (const r of rules) {
    byName.set(r.id.toLowerCase(), r.id);
    byName.set(r.alias.toLowerCase(), r.id);
  }
  const suppressions: Suppression[] = [];
  const problems: RawFinding[] = [];
  // Only comment nodes of the parse tree: `<!-- ... -->` inside an alt or title attribute or a
  // <textarea> is text to the parser and to a mail client, and suppresses nothing.
  for (const c of comments) {
    const text = c.text.trim();
    if (!text.startsWith(DIRECTIVE)) continue;
    const rest = text.slice(DIRECTIVE.length);
    const dash = rest.indexOf('--');
    const names = (dash === -1 ? rest : rest.slice(0, dash)).split(/[\s,]+/).filter(Boolean);
    const reason = dash === -1 ? '' : rest.slice(dash + 2).trim();
    const ids = names.map((n) => byName.get(n.toLowerCase()) ?? n);
    if (!reason || ids.length === 0) {
      const messageId = reason ? 'no-rule' : 'no-reason';
      const finding = base(suppressionWithoutReason, { messageKey: messageId, tracking: false, data: { rules: ids.join(',') } }, { url: '', kind: 'template', position: at.position(c.start) });
      problems.push({ finding, offset: c.start, element: 'comment', shape: `suppression:${ids.join(',')}` });
      continue;
    }
    suppressions.push({ rules: new Set(ids), ...nextTarget(masked, expressions, c.end) });
  }
  let suppressed = 0;
  const kept = raw.filter((f) => {
    const hit = suppressions.some((s) => s.rules.has(f.finding.ruleId) && f.offset >= s.from && f.offset <= s.to);
    if (hit) suppressed++;
    return !hit;
  });
  return { kept: [...kept, ...problems].sort((a, b) => a.offset - b.offset), suppressed };
}

/** The next element's start tag (a whole `<style>` element) or template tag after `from`. */
function nextTarget(masked: string, expressions: TemplateExpression[], from: number): { from: number; to: number } {
  let tag = -1;
  for (let i = masked.indexOf('<', from); i !== -1; i = masked.indexOf('<', i + 1)) {
    if (/[A-Za-z]/.test(masked[i + 1] ?? '')) {
      tag = i;
      break;
    }
  }
  const expression = expressions.find((e) => e.start >= from);
  if (expression && (tag === -1 || expression.start < tag)) return { from: expression.start, to: expression.end };
  if (tag === -1) return { from: -1, to: -1 };
  const isStyle = masked.slice(tag + 1, tag + 6).toLowerCase() === 'style';
  const end = isStyle ? masked.toLowerCase().indexOf('</style', tag) : masked.indexOf('>', tag);
  return { from: tag, to: end === -1 ? masked.length : end };
}
