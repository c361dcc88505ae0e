import { safeDecode, type UrlParts } from './url-parts.js';

// Query parameters that redirectors use to carry where the link goes.
const DESTINATION_PARAM = /^(url|u|redirect|redirect_?url|redirectUrl|r|target|dest|destination|link|l|goto|to|next|href|rurl|uri|q)$/i;

/**
 * Where a redirect link really goes, when the URL itself says it: a query parameter holding a
 * URL (`?url=https%3A...`), or a URL embedded in the path (`/L0/https:%2F%2Fexample.com/...`,
 * as Amazon SES writes it), on another host than the link's own.
 */
export function recoverDestination(parts: UrlParts): string | undefined {
  for (const { name, value } of parts.params) {
    if (!DESTINATION_PARAM.test(name)) continue;
    const candidate = value.trim();
    if (/^https?:\/\//i.test(candidate) && hostOf(candidate) !== parts.host) return candidate;
    // Some redirectors base64-encode the destination (ActiveCampaign redirectUrl, Iterable).
    const decoded = fromBase64(candidate);
    if (decoded && hostOf(decoded) !== parts.host) return decoded;
  }
  const embedded = /\/(https?:(?:\/|%2F){2}[^/?#]+(?:[^#]*)?)/i.exec(parts.path);
  if (embedded) {
    const candidate = safeDecode(embedded[1]).split(/\/\d+\/[0-9a-f]{16}-/)[0]; // SES appends /<n>/<message id>/...
    if (hostOf(candidate) && hostOf(candidate) !== parts.host) return candidate;
  }
  return undefined;
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#:]+)/i.exec(url);
  return m ? m[1].toLowerCase() : '';
}

function fromBase64(value: string): string | undefined {
  if (value.length < 16 || !/^[A-Za-z0-9+/_=-]+$/.test(value)) return undefined;
  try {
    const text = Buffer.from(value, 'base64').toString('utf8');
    return /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
