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
  /** Regular expression the host must match (case-insensitive), e.g. `^sli\\.`. */
  host?: string;
  /** Regular expression the path must match (case-insensitive). */
  path?: string;
  /** Regular expression the query string must match (case-insensitive). */
  query?: string;
  /** Why this shape means what `kind` says. */
  note?: string;
  examples: { match: string[]; noMatch: string[] };
}

export interface Provenance {
  type: 'vendor-docs' | 'observed-mail' | 'public-research';
  /** What was read or seen, in words: a documentation page title, or the shape seen in mail. */
  ref: string;
}

export interface Vendor {
  /** Stable id, e.g. `sendgrid`. */
  id: string;
  name: string;
  /** The company behind it, when it differs from the name. */
  organisation?: string;
  category: VendorCategory;
  provenance: Provenance[];
  patterns: TrackerPattern[];
}

export interface TrackerFile {
  $comment?: string;
  vendors: Vendor[];
}

export const VENDOR_CATEGORIES: VendorCategory[] = [
  'esp',
  'marketing-automation',
  'sales-tracker',
  'analytics',
  'ad-tech',
  'email-qa',
  'personalisation',
  'transactional',
];
