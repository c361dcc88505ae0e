import { base } from '../engine/analyse-html.js';
import type { Link, RejectedUrl, Resource } from '../types.js';
import type { RawFinding } from './check-finding.js';
import { tagShape } from './fingerprint.js';
import type { MaskedSource } from './masked-source.js';
import { unmask } from './placeholders.js';
import { templateTrackingTag } from './rules/template-tracking-tag.js';
import type { TemplateExpression } from './template-expressions.js';
import type { CompiledTag } from './template-tags.js';
import { htmlComments } from './html-comments.js';

/** A place a tag can stand: its text and where it starts in the source. */
interface Spot {
  text: string;
  offset: number;
  /** Shown as the finding's `url`: the tag as written. */
  written: string;
}

/**
 * PA011: every template tag of rules/templates found in the template, at the place it stands
 * (an expression, a comment, the text, or an href/src as written). A tag that stands in an
 * element's URL (`href="{% with_link_tracking url %}"`) points at the tag itself.
 */
export function tagFindings(source: string, masked: string, expressions: TemplateExpression[], urls: Array<Resource | Link | RejectedUrl>, tags: CompiledTag[], at: MaskedSource): RawFinding[] {
  const out: RawFinding[] = [];
  const byWhere = (where: CompiledTag['where']): CompiledTag[] => tags.filter((t) => t.where === where);
  const spots: Record<CompiledTag['where'], () => Spot[]> = {
    expression: () => expressions.filter((e) => !e.comment).map((e) => ({ text: e.inner, offset: e.start, written: e.text })),
    comment: () => htmlComments(masked).map((c) => ({ text: source.slice(c.textStart, c.textEnd), offset: c.start, written: source.slice(c.start, c.end) })),
    text: () => [{ text: masked, offset: 0, written: '' }],
    url: () =>
      urls.map((u) => {
        const raw = 'written' in u && u.written !== undefined ? u.written : (u as Resource).url;
        const written = unmask(raw, expressions);
        return { text: written, offset: at.sourceOffset(valueOffset(masked, raw, at.offset(u.position))), written };
      }),
  };
  for (const where of ['expression', 'comment', 'text', 'url'] as const) {
    const list = byWhere(where);
    if (!list.length) continue;
    for (const spot of spots[where]()) {
      for (const tag of list) {
        if (where === 'text') {
          for (const m of spot.text.matchAll(new RegExp(tag.re.source, `${tag.re.flags}g`))) out.push(make(tag, m[0], at.sourceOffset(m.index), at));
        } else if (tag.re.test(spot.text)) {
          out.push(make(tag, spot.written, spot.offset, at));
        }
      }
    }
  }
  return out;
}

/**
 * Where a URL stands in its element (`href="https://x@TrackLink"`: at the `h` of `https`), found as
 * written in the masked text from the element's start and before the tag ends; the element's
 * start when it is not found so (written with character references, `&amp;`).
 */
function valueOffset(masked: string, raw: string, element: number): number {
  if (!raw) return element;
  const at = masked.indexOf(raw, element);
  const tagEnd = masked.indexOf('>', element);
  return at !== -1 && (tagEnd === -1 || at < tagEnd || masked.lastIndexOf('<', at) === element) ? at : element;
}

function make(tag: CompiledTag, written: string, offset: number, at: MaskedSource): RawFinding {
  const finding = base(templateTrackingTag, { messageKey: tag.kind, tracking: tag.kind === 'open-pixel', data: { system: tag.system, tag: tag.id, written } }, { url: written, kind: 'template', position: at.position(offset) });
  if (tag.kind === 'link-wrap') finding.category = 'link-tracking';
  return { finding, offset, element: 'template', shape: tagShape(tag.id, written) };
}
