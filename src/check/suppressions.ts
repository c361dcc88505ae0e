import { base } from '../engine/analyse-html.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RawFinding } from './check-finding.js';
import type { ElementPaths } from './element-paths.js';
import type { LineIndex } from '../html/line-index.js';
import { suppressionWithoutReason } from './rules/suppression-without-reason.js';
import type { TemplateExpression } from './template-expressions.js';

export const SUPPRESSION_DIRECTIVE = 'pixelaudit-disable-next-element';
const DIRECTIVE = SUPPRESSION_DIRECTIVE;

/** What one or more suppression comments cover: a half-open span [from, to) of the source and the rules they name. */
interface Suppression {
  rules: Set<string>;
  from: number;
  /** Just past the last character covered (exclusive). */
  to: number;
}

/**
 * Applies `<!-- pixelaudit-disable-next-element PA001 known-tracker -- reason -->`: the findings
 * of the named rules (ids or aliases) on the next element (its start tag, or a whole `<style>`:
 * see nextTarget) or the next template tag are dropped. A comment without a reason or without a rule suppresses
 * nothing and is a PA015 finding itself: a suppression is a reviewed decision and says why.
 *
 * Linear in comments, expressions and findings (plus a bisection each): the targets are kept in
 * a Map by their start, so comments naming the same target share one entry, and the findings
 * (sorted by offset) meet the targets (sorted by start) in one forward pass. The first version
 * searched the expressions from the start for every comment and every target for every finding:
 * 20,000 comment+pixel pairs (1 MB) took 12.8 s here, 4.8 s now, the same pixels without suppressions 7.5 s (test/check-suppression-scale.test.ts
 * counts the steps).
 */
export function applySuppressions(expressions: TemplateExpression[], raw: RawFinding[], rules: RuleMeta[], at: LineIndex, elements: ElementPaths | undefined): { kept: RawFinding[]; suppressed: number } {
  const byName = new Map<string, string>();
  for (const r of rules) {
    byName.set(r.id.toLowerCase(), r.id);
    byName.set(r.alias.toLowerCase(), r.id);
  }
  const byTarget = new Map<number, Suppression>();
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
    const target = nextTarget(expressions, c.end, elements as ElementPaths);
    if (!target) continue;
    const seen = byTarget.get(target.from);
    if (seen) for (const id of ids) seen.rules.add(id);
    else byTarget.set(target.from, { rules: new Set(ids), ...target });
  }
  const targets = [...byTarget.values()].sort((a, b) => a.from - b.from);
  const ordered = raw.every((f, i) => i === 0 || raw[i - 1].offset <= f.offset) ? raw : [...raw].sort((a, b) => a.offset - b.offset);
  let suppressed = 0;
  let t = 0;
  const kept: RawFinding[] = [];
  for (const f of ordered) {
    // Targets do not overlap (each is a start tag, a <style>, or a template tag outside any tag),
    // so the one a finding can fall in is the last that starts at or before it.
    while (t + 1 < targets.length && targets[t + 1].from <= f.offset) t++;
    const s = targets[t] as Suppression | undefined;
    if (s && s.from <= f.offset && f.offset < s.to && s.rules.has(f.finding.ruleId)) suppressed++;
    else kept.push(f);
  }
  return { kept: [...kept, ...problems].sort((a, b) => a.offset - b.offset), suppressed };
}

/**
 * What a suppression covers: the next element of the parse tree after the comment, or the next
 * template tag when that comes first, and only that one. Of an element, its start tag: the URLs
 * of its own attributes (an inline `style` included), not its children's. A `<style>` element
 * is one element whose content is one sheet: every `url()` and `@import` in it is covered, and
 * to accept the URL of one rule only, that rule goes in a `<style>` of its own. The tree, not
 * the text, says what the next element is: `<style-guide>` is a custom element (its start tag
 * only), and an `<img>` written inside a later comment is no element. A template tag between
 * the comment and the element (`{{#if x}}<img>`) is the target itself, so the `<img>` is not
 * covered: the comment goes right before what it accepts. Spans are half-open: `to` is just past
 * the start tag's `>`, the `</style>`'s `>` or the tag's closer, so what starts there is not in.
 */
function nextTarget(expressions: TemplateExpression[], from: number, elements: ElementPaths): { from: number; to: number } | undefined {
  const element = elements.elementAfter(from);
  const expression = firstExpressionAt(expressions, from);
  if (expression && (!element || expression.start < element.start)) return { from: expression.start, to: expression.end };
  if (!element) return undefined;
  return { from: element.start, to: element.tagName === 'style' ? element.end : element.startTagEnd };
}

/** The first expression starting at or after `offset`, by bisection (expressions are in source order). */
function firstExpressionAt(expressions: TemplateExpression[], offset: number): TemplateExpression | undefined {
  let lo = 0;
  let hi = expressions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (expressions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return expressions[lo];
}
