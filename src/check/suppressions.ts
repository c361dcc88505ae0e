import { base } from '../engine/analyse-html.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RawFinding } from './check-finding.js';
import type { ElementPaths } from './element-paths.js';
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
 * of the named rules (ids or aliases) on the next element (its start tag, or a whole `<style>`:
 * see nextTarget) or the next template tag are dropped. A comment without a reason or without a rule suppresses
 * nothing and is a PA015 finding itself: a suppression is a reviewed decision and says why.
 */
export function applySuppressions(expressions: TemplateExpression[], raw: RawFinding[], rules: RuleMeta[], at: LineIndex, elements: ElementPaths | undefined): { kept: RawFinding[]; suppressed: number } {
  const byName = new Map<string, string>();
  for (const r of rules) {
    byName.set(r.id.toLowerCase(), r.id);
    byName.set(r.alias.toLowerCase(), r.id);
  }
  const suppressions: Suppression[] = [];
  const problems: RawFinding[] = [];
  // Only comment nodes of the parse tree: `<!-- ... -->` inside an alt or title attribute or a
  // <textarea> is text to the parser and to a mail client, and suppresses nothing.
  for (const c of elements?.comments ?? []) {
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
    suppressions.push({ rules: new Set(ids), ...nextTarget(expressions, c.end, elements as ElementPaths) });
  }
  let suppressed = 0;
  const kept = raw.filter((f) => {
    const hit = suppressions.some((s) => s.rules.has(f.finding.ruleId) && f.offset >= s.from && f.offset <= s.to);
    if (hit) suppressed++;
    return !hit;
  });
  return { kept: [...kept, ...problems].sort((a, b) => a.offset - b.offset), suppressed };
}

/**
 * What a suppression covers: the next element of the parse tree after the comment, or the next
 * template tag when that comes first. Of an element, its start tag: the URLs of its own
 * attributes (an inline `style` included), not its children's. A `<style>` element is one
 * element whose content is one sheet: every `url()` and `@import` in it is covered, and to accept
 * the URL of one rule only, that rule goes in a `<style>` of its own. The tree, not the text, says
 * what the next element is: `<style-guide>` is a custom element (its start tag only), and an
 * `<img>` written inside a later comment is no element.
 */
function nextTarget(expressions: TemplateExpression[], from: number, elements: ElementPaths): { from: number; to: number } {
  const element = elements.elementAfter(from);
  const expression = expressions.find((e) => e.start >= from);
  if (expression && (!element || expression.start < element.start)) return { from: expression.start, to: expression.end };
  if (!element) return { from: -1, to: -1 };
  return { from: element.start, to: element.tagName === 'style' ? element.end : element.startTagEnd - 1 };
}
