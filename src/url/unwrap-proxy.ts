import { decodeKeepingPlus } from './url-parts.js';

/** The URL that is really fetched when an image goes through a known proxy or redirector. */
export interface Unwrapped {
  target: string;
  proxy?: 'gmail-image-proxy' | 'outlook-safelinks' | 'google-amp' | 'symantec-clicktime' | 'proofpoint-urldefense';
}

const AMP_PREFIX = /^https?:\/\/(?:www\.)?google\.[a-z.]+\/amp\/(s\/)?/i;
const AMP_HOST = /^[^/?#\s]+\.[a-z]{2,}/i;

export function unwrapProxy(url: string): Unwrapped {
  const lower = url.slice(0, 120).toLowerCase();
  // Gmail's image proxy keeps the original URL after '#'.
  if (lower.includes('googleusercontent.com/')) {
    const hash = url.indexOf('#http');
    if (hash !== -1) return { target: url.slice(hash + 1), proxy: 'gmail-image-proxy' };
  }
  if (lower.includes('safelinks.protection.outlook.com')) {
    try {
      const inner = new URL(url).searchParams.get('url');
      if (inner && /^https?:\/\//i.test(inner)) return { target: inner, proxy: 'outlook-safelinks' };
    } catch {
      // not a parseable URL: judge it as it is
    }
  }
  // Link protection run by the recipient's organisation, not by the sender: judge what it wraps.
  if (lower.includes('clicktime.symantec.com/')) {
    const inner = /[?&]u=([^&#]+)/.exec(url)?.[1];
    if (inner) {
      // A bad escape (`%E0%A4%A`) stays as written: decodeURIComponent would throw on it.
      const decoded = decodeKeepingPlus(inner);
      if (/^https?:\/\//i.test(decoded)) return { target: decoded, proxy: 'symantec-clicktime' };
    }
  }
  const proofpoint = /^https?:\/\/urldefense\.(?:com|proofpoint\.com)\/v3\/__(.+?)__;/i.exec(url);
  if (proofpoint) return { target: proofpoint[1], proxy: 'proofpoint-urldefense' };
  // Google AMP viewer: https://www.google.<tld>/amp/[s/]host/path loads host/path.
  // The prefix and the rest are tested apart: as one expression, `[^/?#]+\.[a-z]{2,}[^\s]*$`
  // backtracked over every split of a long host when a blank followed (cubic).
  const amp = AMP_PREFIX.exec(url);
  if (amp) {
    const rest = url.slice(amp[0].length);
    if (AMP_HOST.test(rest) && !/\s/.test(rest)) return { target: `${amp[1] ? 'https' : 'http'}://${rest}`, proxy: 'google-amp' };
  }
  return { target: url };
}
