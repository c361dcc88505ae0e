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
import type { LineIndex } from '../html/line-index.js';
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

/**
 * Names of per-recipient values (`user.id`, `*|UNIQID|*`, `{{ .Subscriber.UUID }}`,
 * `%%subscriber_key%%`, `{contactfield=email}`, `token`): an expression named so in a URL
 * identifies the reader. Other expressions (`{{ width }}`, `{{ product.image }}`,
 * `{{ shop.id }}` is the exception that names an id) are filled in too, but as often with
 * content the same for every reader, so alone they only make an info finding on an image.
 */
const IDENTITY = /(^|[^a-z])(u?u?id|guid|uniqid|token|hash|key|e-?mail|emailaddr|subscriber|user|contact|recipient|member|customer|lead|person)/i;

/** PA012: a resource URL holding an expression after a literal scheme (in host, path or query). */
export function resourceExpressionFinding(resource: Resource, expressions: TemplateExpression[], at: LineIndex): RawFinding | undefined {
  const where = urlExpressions(resource.url, expressions);
  if (!where) return undefined;
  const first = where.inQuery[0]?.expression ?? where.inPath[0] ?? where.inHost[0];
  const place = where.inQuery.length ? 'query' : where.inPath.length ? 'path' : 'host';
  const url = unmask(resource.url, expressions);
  const all = [...where.inQuery.map((q) => q.expression), ...where.inPath, ...where.inHost];
  const address = all.find((e) => ADDRESS_FIELD.test(e.inner));
  const identity = address ?? all.find((e) => IDENTITY.test(e.inner));
  // An image nobody sees, or one served from an open-style path, is a beacon whatever its expression's name.
  const beacon = resource.hiddenBy !== undefined || /(^|\/)(open|track|pixel|beacon|o|t)(\.gif|\.png|\/|$)/i.test(parseUrl(resource.url).path);
  const finding = base(
    templateIdInResource,
    { messageKey: address ? 'address-in-url' : 'expression-in-url', tracking: Boolean(identity) || beacon, data: { kind: resource.kind, expression: (identity ?? first).text, where: place } },
    { url, kind: resource.kind, position: resource.position, host: where.inHost.length ? undefined : parseUrl(resource.url).host },
  );
  if (address) finding.category = 'address-leak';
  return { finding, offset: at.offset(resource.position), element: resource.element, shape: urlShape(resource.url, expressions) };
}

/** PA013 for an expression in a link's query, PA014 for a link whose parameters are all literal utm_* ones. */
export function linkFinding(link: Link, expressions: TemplateExpression[], at: LineIndex): RawFinding | undefined {
  const parts = parseUrl(link.url);
  const where = urlExpressions(link.url, expressions);
  const url = unmask(link.url, expressions);
  const shape = urlShape(link.url, expressions);
  const offset = at.offset(link.position);
  if (where?.inHost.length) return undefined;
  if (where?.inQuery.length) {
    if (RECIPIENT_PURPOSE.test(parts.path) || where.inQuery.some((q) => RECIPIENT_PURPOSE.test(q.param) || RECIPIENT_PURPOSE.test(q.expression.inner))) return undefined;
    // A link's expressions are often content (`?lang={{ locale }}`, `?q={{ product.sku }}`): only a per-recipient name is tracking.
    if (!where.inQuery.some((q) => IDENTITY.test(q.expression.inner) || IDENTITY.test(q.param))) return undefined;
    const { param, expression } = where.inQuery.find((q) => ADDRESS_FIELD.test(q.expression.inner)) ?? where.inQuery[0];
    const address = ADDRESS_FIELD.test(expression.inner);
    const finding = base(
      templateIdInLink,
      { messageKey: address ? 'address-in-query' : 'expression-in-query', tracking: false, data: { param, expression: expression.text, links: 1 } },
      { url, kind: 'link', position: link.position, host: parts.host },
    );
    if (address) finding.category = 'address-leak';
    return { finding, offset, element: 'a', shape };
  }
  if (parts.params.length && parts.params.every((p) => /^utm_/i.test(p.name))) {
    const params = parts.params.map((p) => p.name).join(', ');
    const finding = base(campaignTagging, { messageKey: 'utm-only', tracking: false, data: { params, links: 1 } }, { url, kind: 'link', position: link.position, host: parts.host });
    return { finding, offset, element: 'a', shape };
  }
  return undefined;
}
