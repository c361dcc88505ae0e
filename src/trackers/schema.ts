import type { VendorCategory } from '../types.js';

/** What a URL pattern says about the resource it matches. */
export type PatternKind =
  /** An open-tracking endpoint: loading it tells the sender the message was opened. */
  | 'open'
  /** A personalised image or ad impression served with a per-recipient id (identified beacon). */
  | 'beacon'
  /** A click-tracking redirect (links). */
  | 'click'
  /** A static asset host of the vendor (images the same for everyone): never tracking by itself. */
  | 'asset';

export interface TrackerPattern {
  /** Stable id, unique across all files, e.g. `sendgrid-open`. */
  id: string;
  kind: PatternKind;
  /** Domains whose host or subdomains the pattern applies to; omit with `anyHost`. */
  domains?: string[];
  /** The pattern applies on any host (a sender's own domain CNAMEd to the vendor): path and query must then be distinctive. */
  anyHost?: boolean;
  /** Regular expression the host must match (always case-insensitive: hosts are), e.g. `^sli\\.`. */
  host?: string;
  /** Regular expression the path must match (case-sensitive unless `ignoreCase`). */
  path?: string;
  /** Regular expression the query string must match (case-sensitive unless `ignoreCase`). */
  query?: string;
  /** Path and query compared case-insensitively: only for vendors whose servers do so. */
  ignoreCase?: boolean;
  /** Why this shape means what `kind` says. */
  note?: string;
  /** Where the knowledge of this shape comes from. */
  provenance: Provenance[];
  examples: PatternExamples;
}

export interface PatternExamples {
  /** URLs the full matcher resolves to this pattern. */
  match: string[];
  /** URLs this pattern does not match; a domain pattern has one on its own domains. */
  noMatch: string[];
  /** URLs this pattern matches but another one (`winner`) wins in the full matcher. */
  shadowed?: Array<{ url: string; winner: string; why?: string }>;
}

export interface Provenance {
  type: 'vendor-docs' | 'sdk-source' | 'public-list' | 'observed-mail' | 'public-research';
  /** A URL, `owner/repo:path`, or the shape seen in mail; older data names the source in words. */
  ref: string;
  /** The date it was read, YYYY-MM-DD. */
  read: string;
  /** What the source says, in a few words. */
  note?: string;
}

export interface Vendor {
  /** Stable id, e.g. `sendgrid`. */
  id: string;
  name: string;
  /** The company behind it, when it differs from the name. */
  organisation?: string;
  category: VendorCategory;
  patterns: TrackerPattern[];
}

export interface TrackerFile {
  $schema?: string;
  $comment?: string;
  vendors: Vendor[];
}

export const VENDOR_CATEGORIES: VendorCategory[] = ['esp', 'marketing-automation', 'sales-tracker', 'analytics', 'ad-tech', 'email-qa', 'personalisation', 'transactional'];
