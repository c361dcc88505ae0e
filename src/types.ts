/** How a remote resource is referenced in the HTML. */
export type ResourceKind =
  | 'img'
  | 'img-srcset'
  | 'background-attr'
  | 'css-url'
  | 'css-import'
  | 'css-font-face'
  | 'input-image'
  | 'video-poster'
  | 'link-stylesheet'
  | 'vml-image';

/** Why an element is not visible to the reader. */
export type HiddenBy =
  | 'tiny'
  | 'display-none'
  | 'visibility-hidden'
  | 'opacity-zero'
  | 'zero-height-wrapper'
  | 'mso-hide'
  | 'off-screen'
  | 'hidden-attribute';

/** A position in the message's HTML (its text/html parts joined), 1-based. */
export interface SourcePosition {
  /** 1-based line in the HTML part. */
  line: number;
  /** 1-based column in the HTML part. */
  column: number;
}

/** A remote resource that a mail client loads when it shows the message. */
export interface Resource {
  /** The URL as a client resolves it: entity-decoded, whitespace dropped, scheme added to `//host` URLs. */
  url: string;
  /** The attribute or CSS value exactly as written (entity-decoded), when it differs from `url`. */
  written?: string;
  /** The URL that is really contacted, after unwrapping image proxies (Gmail, SafeLinks). */
  target: string;
  /** Proxy that was unwrapped, if any. */
  proxy?: string;
  kind: ResourceKind;
  /** Lower-case tag name of the element that references it. */
  element: string;
  /** Declared size in CSS pixels, when declared. */
  width?: number;
  height?: number;
  /** Why the resource would not be seen, or undefined when it is visible. */
  hiddenBy?: HiddenBy;
  /** Human detail of hiddenBy, e.g. `width=1 height=1` or `ancestor <div style="display:none">`. */
  hiddenDetail?: string;
  position: SourcePosition;
}

/** A hyperlink found in the HTML (kept for link-tracking analysis). */
export interface Link {
  url: string;
  position: SourcePosition;
}

/** What a finding means for the message verdict. */
export type FindingCategory = 'open-tracking' | 'spacer' | 'address-leak' | 'link-tracking' | 'read-receipt';

/** Who runs a host, judged by registrable domain against the sender's From, DKIM d= and Return-Path domains. */
export type Party = 'first-party' | 'third-party' | 'esp-on-sender-domain';

/** Vendor categories, as in rules/trackers. */
export type VendorCategory =
  | 'esp'
  | 'marketing-automation'
  | 'sales-tracker'
  | 'analytics'
  | 'ad-tech'
  | 'email-qa'
  | 'personalisation'
  | 'transactional';

/** One thing a rule found, as data: words are rendered by formatters. */
export interface Finding {
  /** Stable rule id, e.g. PA001. */
  ruleId: string;
  /** Readable rule alias, e.g. known-tracker. */
  rule: string;
  /** Message id inside the rule's `messages` map. */
  messageId: string;
  category: FindingCategory;
  /** True when the finding makes the message tracked. */
  tracking: boolean;
  confidence: 'high' | 'medium' | 'low';
  /** Vendor id from rules/trackers, when known. */
  vendor?: string;
  vendorName?: string;
  vendorCategory?: VendorCategory;
  /** The tracker-pattern id that matched, when any. */
  pattern?: string;
  /** The resource or link URL, or the header value (redacted in output unless --no-redact). */
  url: string;
  /** How it is referenced: a resource kind, `link` for an a/area href, `header` for a header. */
  kind: ResourceKind | 'link' | 'header';
  /** Where in the HTML; absent for header findings. */
  position?: SourcePosition;
  /** Host of the URL (after unwrapping proxies). */
  host?: string;
  /** First party, third party, or an ESP behind the sender's own domain. */
  party?: Party;
  /** Where a tracked link really goes, when the URL reveals it. */
  destination?: string;
  /** Machine-readable evidence, rendered into `why` by formatters. */
  data: Record<string, string | number | boolean>;
  /** Human explanation, filled from the rule's message template. */
  why: string;
}

/** The result for one message: scanned (error null) or failed (error set). */
export interface MessageResult {
  /** File path; for a message inside an mbox `path#N`, N counted from 1. */
  source: string;
  messageId: string | null;
  from: string | null;
  date: string | null;
  subject: string | null;
  tracked: boolean;
  /** At least one link goes through a click-tracking redirect or carries a per-recipient token (never part of `tracked`). */
  linkTracked: boolean;
  /** The recipient's address, plain, encoded or hashed, stands in a resource or link URL. */
  addressLeak: boolean;
  /** The message asks for a read receipt (Disposition-Notification-To and kin). */
  readReceipt: boolean;
  /** Sending platform named by the headers (vendor id), or null. */
  platform: string | null;
  /** Registrable domain of the From address, or null. */
  senderDomain: string | null;
  /** Bulk mail: List-Unsubscribe, List-Id or Precedence: bulk/list (Englehardt et al.'s mailing-list mail). */
  bulk: boolean;
  /** Spam: X-Spam-Flag: YES, a Gmail "Spam" label, or a Junk/Spam folder. */
  spam: boolean;
  /** Transactional (approximate): a no-reply or order/receipt/account sender, or such a subject, and not bulk. */
  transactional: boolean;
  /** At least one remote resource is on a third-party host. */
  thirdParty: boolean;
  /** Number of remote resources seen. */
  resources: number;
  /** Whether the message holds any text/html part. */
  html: boolean;
  findings: Finding[];
  /** Structure problems that did not stop the scan (e.g. a multipart never closed). */
  warnings: string[];
  /** Null when scanned; otherwise why the message could not be read. */
  error: string | null;
}
