import { base } from '../engine/analyse-html.js';
import type { Link, Resource } from '../types.js';
import { parseUrl } from '../url/url-parts.js';
import type { RawFinding } from './check-finding.js';
import { campaignTagging } from './rules/campaign-tagging.js';
import { templateIdInLink } from './rules/template-id-in-link.js';
import { templateIdInResource } from './rules/template-id-in-resource.js';
import type { TemplateExpression } from './template-expressions.js';
import { urlExpressions } from './url-expressions.js';
import { unmask } from './placeholders.js';
import type { OffsetIndex } from './offset-index.js';
import { urlShape } from './fingerprint.js';

/**
 * Links whose purpose needs the recipient (the sender must know who unsubscribes): a
 * per-recipient value in them is not click tracking, as the templates corpus labels them.
 */
const RECIPIENT_PURPOSE = /unsub|opt-?in|opt-?out|preferences|manage|profile|webview|web-view|view[-_]?in[-_]?browser|archive|forward|confirm/i;

/**
 * Merge fields that are the recipient's address (`*|EMAIL|*`, `{{ subscriber.email }}`,
 * `{contactfield=email}`, `%%emailaddr%%`): in a URL they send the address itself to the host.
 */
const ADDRESS_FIELD = /e-?mail|emailaddr/i;

/** PA012: a resource URL holding an expression after a literal scheme (in host, path or query). */
export function resourceExpressionFinding(resource: Resource, expressions: TemplateExpression[], at: OffsetIndex): RawFinding | undefined {
  const where = urlExpressions(resource.url, expressions);
  if (!where) return undefined;
  const first = where.inQuery[0]?.expression ?? where.inPath[0] ?? where.inHost[0];
  const place = where.inQuery.length ? 'query' : where.inPath.length ? 'path' : 'host';
  const url = unmask(resource.url, expressions);
  const address = [...where.inQuery.map((q) => q.expression), ...where.inPath].find((e) => ADDRESS_FIELD.test(e.inner));
  const finding = base(
    templateIdInResource,
    { messageId: address ? 'address-in-url' : 'expression-in-url', tracking: true, data: { kind: resource.kind, expression: (address ?? first).text, where: place } },
    { url, kind: resource.kind, position: resource.position, host: where.inHost.length ? undefined : parseUrl(resource.url).host },
  );
  if (address) finding.category = 'address-leak';
  return { finding, offset: at.offset(resource.position), element: resource.element, shape: urlShape(resource.url, expressions) };
}

/** PA013 for an expression in a link's query, PA014 for a link whose parameters are all literal utm_* ones. */
export function linkFinding(link: Link, expressions: TemplateExpression[], at: OffsetIndex): RawFinding | undefined {
  const parts = parseUrl(link.url);
  const where = urlExpressions(link.url, expressions);
  const url = unmask(link.url, expressions);
  const shape = urlShape(link.url, expressions);
  const offset = at.offset(link.position);
  if (where?.inHost.length) return undefined;
  if (where?.inQuery.length) {
    if (RECIPIENT_PURPOSE.test(parts.path) || where.inQuery.some((q) => RECIPIENT_PURPOSE.test(q.param) || RECIPIENT_PURPOSE.test(q.expression.inner))) return undefined;
    const { param, expression } = where.inQuery.find((q) => ADDRESS_FIELD.test(q.expression.inner)) ?? where.inQuery[0];
    const address = ADDRESS_FIELD.test(expression.inner);
    const finding = base(templateIdInLink, { messageId: address ? 'address-in-query' : 'expression-in-query', tracking: false, data: { param, expression: expression.text, links: 1 } }, { url, kind: 'link', position: link.position, host: parts.host });
    if (address) finding.category = 'address-leak';
    return { finding, offset, element: 'a', shape };
  }
  if (parts.params.length && parts.params.every((p) => /^utm_/i.test(p.name))) {
    const params = parts.params.map((p) => p.name).join(', ');
    const finding = base(campaignTagging, { messageId: 'utm-only', tracking: false, data: { params, links: 1 } }, { url, kind: 'link', position: link.position, host: parts.host });
    return { finding, offset, element: 'a', shape };
  }
  return undefined;
}
