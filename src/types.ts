/**
 * How a remote resource is referenced in the HTML: which element and attribute, or which CSS
 * construct. The table of elements is src/html/loading-elements.ts; the README lists them.
 */
export type ResourceKind =
  /** `<img src>` (also `<image>`, which the parser makes an img). */
  | 'img'
  /** A candidate of `<img srcset>`. */
  | 'img-srcset'
  /** A candidate of `<picture><source srcset>`. */
  | 'picture-source'
  | 'input-image'
  /** SVG `<image href>` / `xlink:href`. */
  | 'svg-image'
  /** SVG `<feImage href>` / `xlink:href`. */
  | 'svg-feimage'
  | 'video-poster'
  | 'video-src'
  | 'audio-src'
  /** `<source src>` inside video or audio. */
  | 'media-source'
  /** `<track src>` inside video or audio. */
  | 'track'
  | 'object-data'
  | 'embed'
  /** `<iframe src>`; resources inside a `srcdoc` keep their own kinds. */
  | 'iframe'
  /** `<frame src>` of a frameset document. */
  | 'frame'
  | 'link-stylesheet'
  /** `<link rel=icon>`, apple-touch-icon, mask-icon. */
  | 'link-icon'
  /** `<link rel=preload>` with an `as` Chromium fetches (also its imagesrcset). */
  | 'link-preload'
  /** `<link rel=prefetch>`, compression-dictionary. */
  | 'link-prefetch'
  /** The `background` attribute of body, table, thead, tbody, tfoot, tr, td, th. */
  | 'background-attr'
  /** VML `v:image`, `v:fill`, `v:imagedata` src: Outlook only. */
  | 'vml-image'
  | 'css-url'
  | 'css-import'
  | 'css-font-face'
  /** `<meta http-equiv=refresh content="N;url=...">`: a navigation no mail client follows; never a load. */
  | 'meta-refresh';

/** Whether a client must load a resource when it shows the message, or only may (srcset candidates, preload hints, media held back). */
export type LoadCertainty = 'must' | 'may';

/** Why an element is not visible to the reader. */
export type HiddenBy =
  | 'tiny'
  | 'display-none'
  | 'visibility-hidden'
  | 'opacity-zero'
  | 'zero-height-wrapper'
  | 'mso-hide'
  | 'off-screen'
  | 'hidden-attribute'
  /** Not rendered whatever its style: fallback content of video, audio or an object with data, a closed details' content, content-visibility:hidden. */
  | 'not-rendered'
  /** Its box has no area on screen: a transform or scale to zero, a clip-path or clip that leaves nothing. */
  | 'collapsed'
  /**
   * Not known to be visible: the style sheets were too costly to apply in full (the document's
   * match budget ran out before this element), so a rule that hides it may have been skipped.
   * Counted as hidden: a sender gains nothing by exhausting the budget.
   */
  | 'unknown-cascade';

/** A position in the message's HTML (its text/html parts joined), 1-based. */
export interface SourcePosition {
  /** 1-based line in the HTML part. */
  line: number;
  /** 1-based column in the HTML part. */
  column: number;
}

/** A remote resource that a mail client loads when it shows the message. */
export interface Resource {
  /** The URL a client requests: entity-decoded, parsed by the URL standard against `<base href>`, serialised (`//host` URLs taken as http:). */
  url: string;
  /** The attribute or CSS value exactly as written (entity-decoded), when it differs from `url`. */
  written?: string;
  /** The URL that is really contacted, after unwrapping image proxies (Gmail, SafeLinks). */
  target: string;
  /** Proxy that was unwrapped, if any. */
  proxy?: string;
  kind: ResourceKind;
  /** Tag name of the element that references it, as the tree holds it (lower-case HTML, SVG as adjusted: `feImage`); `style` for a `<style>` sheet. */
  element: string;
  /** Declared size in CSS pixels, when declared. */
  width?: number;
  height?: number;
  /** Why the resource would not be seen, or undefined when it is visible. */
  hiddenBy?: HiddenBy;
  /** Human detail of hiddenBy, e.g. `width=1 height=1` or `ancestor <div style="display:none">`. */
  hiddenDetail?: string;
  /**
   * The element's `<` (for `<style>` CSS, the `url(` or `@import`); for a resource inside an
   * iframe's srcdoc, the iframe's; inside an Outlook conditional comment, its own place there.
   */
  position: SourcePosition;
  /** Must a client load it, or may it (see LoadCertainty)? For `client: 'outlook'`, said of Outlook. */
  load: LoadCertainty;
  /** Why it only may load, when a construct of the message decides that (a meta Content-Security-Policy). */
  loadNote?: string;
  /** Set when only that client loads it: markup inside `<!--[if mso]>` and VML are Outlook's alone. */
  client?: 'outlook';
}

/** A URL that looks like a resource but loads nothing from the network, and why: `explain` shows them. */
export interface RejectedUrl {
  /** The attribute or CSS value as written (entity-decoded). */
  written: string;
  kind: ResourceKind;
  element: string;
  /** In words: `the URL parser rejects it`, `cid: is not fetched from the network` ... */
  reason: string;
  position: SourcePosition;
  client?: 'outlook';
  /** Why the element would not be seen, when it would not (`check` judges a hidden image whose URL is a template expression). */
  hiddenBy?: HiddenBy;
}

/** A hyperlink found in the HTML (kept for link-tracking analysis). */
export interface Link {
  /** The serialised absolute http(s) URL (resolved against `<base href>`). */
  url: string;
  /** The href as written (entity-decoded), when it differs from `url`. */
  written?: string;
  position: SourcePosition;
}

/** What a finding means for the message verdict. */
export type FindingCategory =
  | 'open-tracking'
  | 'spacer'
  | 'address-leak'
  | 'link-tracking'
  | 'read-receipt'
  /** `check` only: a link whose only parameters are campaign-wide `utm_*` ones, which is not tracking. */
  | 'campaign-tagging'
  /** `check` only: a problem with the template's own pixelaudit comments (a suppression without a reason). */
  | 'config'
  /** `check` only: template text the template engine cannot read (an expression opened and never closed before markup). */
  | 'template-syntax';

/** Who runs a host, judged by registrable domain against the sender's From, DKIM d= and Return-Path domains. */
export type Party = 'first-party' | 'third-party' | 'esp-on-sender-domain';

/** Vendor categories, as in rules/trackers. */
export type VendorCategory = 'esp' | 'marketing-automation' | 'sales-tracker' | 'analytics' | 'ad-tech' | 'email-qa' | 'personalisation' | 'transactional';

/**
 * How much a finding matters: the one vocabulary users see (config files, `--fail-on`, the table,
 * the README) and the one type in code. `check` sets it from its configuration; a scan finding has
 * none and formatters derive it (src/formatters/ci/severity.ts): tracking is an error, a spacer
 * info, the rest a warning. Only the CI formatters translate `info` into their own words (SARIF
 * `note`, GitHub `::notice`, a passing JUnit test case).
 */
export type Severity = 'error' | 'warning' | 'info';
/** Order of severities, for `--fail-on`: a severity fails the run when its rank is at least the threshold's. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/**
 * One thing a rule found, as data only: no prose is stored. Every formatter renders the words at
 * the edge from the rule's metadata (`RULES[ruleId].meta.messages[messageKey]` with `{name}`
 * filled from `data`: src/rules/finding-message.ts), so JSON, JSONL, the IMAP cache, SARIF and
 * baselines never break on a rewording.
 *
 * The same type serves `scan` (the findings of a MessageResult: `position` is in the message's
 * decoded HTML) and `check` (the findings of a FileResult: `file` is set and `position` is in
 * that file). Result format 2 (pixelaudit 0.1 after issue 13): `messageKey` was `messageId`, and
 * `why` (the rendered words) is gone; `report` still reads format-1 lines (src/report/read-result.ts).
 */
export interface Finding {
  /** Stable rule id, e.g. PA001. */
  ruleId: string;
  /** Readable rule alias, e.g. known-tracker. */
  rule: string;
  /** Key of the rule's message template inside its `messages` map (`open`, `beacon` ...). */
  messageKey: string;
  category: FindingCategory;
  /** True when the finding makes the message tracked. */
  tracking: boolean;
  confidence: 'high' | 'medium' | 'low';
  /** Set by `check` from its configuration; absent on scan findings (see Severity). */
  severity?: Severity;
  /** `check` only: the baseline fingerprint (rule, normalised URL shape, element path; no line numbers). SARIF's partialFingerprints use it when set. */
  fingerprint?: string;
  /** Vendor id from rules/trackers, when known. */
  vendor?: string;
  vendorName?: string;
  vendorCategory?: VendorCategory;
  /** The tracker-pattern id that matched, when any. */
  pattern?: string;
  /** The resource or link URL, or the header value (redacted in output unless --no-redact). */
  url: string;
  /** How it is referenced: a resource kind, `link` for an a/area href, `header` for a header; `template` for a template tag or comment (`check`). */
  kind: ResourceKind | 'link' | 'header' | 'template';
  /** `check` only: the file the finding is in, as given on the command line or found by the walk. */
  file?: string;
  /**
   * Where: for `check`, in `file`; for `scan`, in the message's decoded HTML (its text/html parts
   * joined), which is not a place in the mail file. 1-based; columns count UTF-16 code units.
   * Absent for header findings.
   */
  position?: SourcePosition;
  /**
   * `check` on an .eml: what `position` counts lines of (`part 1.2 (text/html)`, or `headers` for a
   * header finding): a place in the decoded part, never a line of the .eml file (html-part-label.ts).
   */
  htmlPart?: string;
  /** Host of the URL (after unwrapping proxies). */
  host?: string;
  /** First party, third party, or an ESP behind the sender's own domain. */
  party?: Party;
  /** Where a tracked link really goes, when the URL reveals it. */
  destination?: string;
  /** Machine-readable evidence: the values the message template names (`{vendorName}`), and more. */
  data: Record<string, string | number | boolean>;
}

/** The result of `check` for one file: its findings, or why it could not be read. */
export interface FileResult {
  /** The file, as given on the command line or found by the walk. */
  file: string;
  /** Every finding has `file` equal to this and a `position` in it (header findings of an .eml excepted). */
  findings: Finding[];
  /** Null when checked; otherwise why the file could not be read. */
  error: string | null;
}

/**
 * The shape of MessageResult and Finding written to JSON, JSONL and the IMAP cache. 1: until
 * issue 13 (`why` prose on every finding, `messageId` on both). 2: data only, `messageKey` and
 * `messageIdHeader`. `report` reads both (src/report/read-result.ts); the IMAP cache discards files of
 * another format and fetches those messages again.
 */
export const RESULT_FORMAT = 2;

/** The result for one message: scanned (error null) or failed (error set). */
export interface MessageResult {
  /** File path; for a message inside an mbox `path#N`, N counted from 1. */
  source: string;
  /** The email's Message-ID header field (named apart from a finding's `messageKey`; format 1 called it `messageId`). */
  messageIdHeader: string | null;
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
