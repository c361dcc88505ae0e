import { base } from '../engine/analyse-html.js';
import type { Link, RejectedUrl, Resource } from '../types.js';
import { parseUrl } from '../url/url-parts.js';
import type { RawFinding } from './check-finding.js';
import { campaignTagging } from './rules/campaign-tagging.js';
import { templateIdInLink } from './rules/template-id-in-link.js';
import { templateIdInResource } from './rules/template-id-in-resource.js';
import type { TemplateExpression } from './template-expressions.js';
import { urlExpressions } from './url-expressions.js';
import { placeholdersIn, unmask } from './placeholders.js';
import type { LineIndex } from '../html/line-index.js';
import { urlShape } from './fingerprint.js';
import { expressionNamer } from './expression-names.js';

/**
 * Links whose purpose needs the recipient (the sender must know who unsubscribes): a
 * per-recipient value in them is not click tracking, as the templates corpus labels them.
 */
const RECIPIENT_PURPOSE = /unsub|opt-?in|opt-?out|preferences|manage|profile|webview|web-view|view[-_]?in[-_]?browser|archive|forward|confirm/i;

/**
 * PA012 for a URL that starts with an expression standing for its scheme and host
 * (`{{ base_url }}/o.gif?u={{ user.id }}`): the URL parser rejects it as relative, yet the
 * rendered URL is absolute, on a host the template does not name, with the reader's id in it.
 * It is read as the base expression in the host, and reported only when another of its
 * expressions names the reader: a base and a literal path (`{{ base_url }}/logo.png`), or a base
 * and content, are decided outside the template, as a visible image whose URL is an expression as
 * a whole is; in a hidden image any such URL is reported (open tracking of an unknown host).
 */
export function baseExpressionFinding(rejected: RejectedUrl, expressions: TemplateExpression[], at: LineIndex): RawFinding | undefined {
  const written = rejected.written.trim();
  if (placeholdersIn(written, expressions)[0]?.start !== 0) return undefined;
  let url: string;
  try {
    url = new URL(`https://${written}`).href;
  } catch {
    return undefined;
  }
  const where = urlExpressions(url, expressions);
  if (!where?.inHost.length) return undefined;
  const names = expressionNamer();
  const identifies = [...where.inPath, ...where.inQuery.map((q) => q.expression)].some((e) => names.identifies(e.inner));
  // A hidden image is a beacon (`<img src="{{ open_url }}" width="1" height="1">`: open tracking of a host the template does not tell),
  // unless its base is a literal asset or names content, the same for every reader (Shopify's `{{ 'spacer.png' | shopify_asset_url }}`).
  const base = where.inHost[0];
  const asset = /^['"]/.test(base.inner) || names.names(base.inner) === 'content';
  if (!identifies && !(rejected.hiddenBy && !asset)) return undefined;
  return resourceExpressionFinding({ url, target: url, kind: rejected.kind, element: rejected.element, position: rejected.position, load: 'must', hiddenBy: rejected.hiddenBy }, expressions, at, unmask(written, expressions));
}

/** PA012: a resource URL holding an expression after a literal scheme (in host, path or query). */
export function resourceExpressionFinding(resource: Resource, expressions: TemplateExpression[], at: LineIndex, shown?: string): RawFinding | undefined {
  const where = urlExpressions(resource.url, expressions);
  if (!where) return undefined;
  const first = where.inQuery[0]?.expression ?? where.inPath[0] ?? where.inHost[0];
  const place = where.inQuery.length ? 'query' : where.inPath.length ? 'path' : 'host';
  // A base-expression URL is shown as written, not as the `https://` it was read with.
  const url = shown ?? unmask(resource.url, expressions);
  const all = [...where.inQuery.map((q) => q.expression), ...where.inPath, ...where.inHost];
  const names = expressionNamer();
  // What each expression names decides (rules/templates/expression-names.json): `user.id` the reader, `product.id` content.
  const address = all.find((e) => names.names(e.inner) === 'address');
  const identity = address ?? all.find((e) => names.identifies(e.inner));
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
    const names = expressionNamer();
    if (!where.inQuery.some((q) => names.identifies(q.expression.inner) || names.identifies(q.param))) return undefined;
    const { param, expression } = where.inQuery.find((q) => names.names(q.expression.inner) === 'address') ?? where.inQuery[0];
    const address = names.names(expression.inner) === 'address';
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
