import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { EXIT_ERROR } from '../../exit-codes.js';
import { ruleMeta } from '../../rules/finding-message.js';
import { README_URL, ruleHelpUri } from '../../rules/docs-url.js';
import { RULES } from '../../rules/index.js';
import type { RuleMeta } from '../../rules/rule.js';
import type { Finding } from '../../types.js';
import { VERSION } from '../../version.js';
import { safeJson, visible } from '../safe-text.js';
import { artifactLocation, baseUri, SRCROOT } from './artifact-uri.js';
import { UNREDACTED_NOTE } from './unredacted-note.js';
import { findingLine, type CiItem } from './ci-item.js';
import { FINGERPRINT_KEY, fingerprintOf } from './fingerprint.js';
import { defaultSeverity, sarifLevel, severityOf } from './severity.js';

export interface SarifOptions {
  /** The folder relative artifact URIs start from (the CI checkout): `originalUriBaseIds.%SRCROOT%`. */
  baseDir: string;
  /**
   * The run's exit code, when it is known as the log is written (`check`): the invocation's
   * `exitCode`, and `executionSuccessful` false for exit 2 (a file it could not check, so the run
   * did not do its work); findings (exit 1) are a successful execution.
   */
  exitCode?: number;
  /** The results were written with --no-redact: said in the run's properties (`redacted: false`). */
  unredacted?: boolean;
}

/**
 * Plain text for a SARIF message (§3.11): shown by viewers in a browser, so controls and bidi
 * characters become visible escapes as on a terminal; `{` `}` are doubled (§3.11.5: they mark
 * placeholders in every message string) and `[` `]` escaped (§3.11.6: they would start an
 * embedded link), so a subject or URL can neither fill a placeholder nor make a link.
 */
export function sarifText(text: string): string {
  return visible(text).replace(/[{}]/g, '$&$&').replace(/[[\]]/g, '\\$&');
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.alias,
    shortDescription: { text: sarifText(meta.description) },
    fullDescription: { text: sarifText(meta.docs) },
    helpUri: ruleHelpUri(meta),
    help: { text: sarifText(`${meta.description} ${meta.docs}`) },
    // SARIF placeholders are numbered; ours are named: {vendorName} becomes {0} in the order they first appear.
    messageStrings: Object.fromEntries(Object.entries(meta.messages).map(([key, template]) => [key, { text: numberedTemplate(template).text }])),
    defaultConfiguration: { level: sarifLevel(defaultSeverity(meta)) },
    properties: { category: meta.category, confidence: meta.confidence, appliesTo: meta.appliesTo, tags: ['privacy', 'email-tracking', meta.category] },
  };
}

const numbered = new Map<string, { text: string; names: string[] }>();

function numberedTemplate(template: string): { text: string; names: string[] } {
  const known = numbered.get(template);
  if (known) return known;
  const names: string[] = [];
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `{${names.indexOf(name)}}`;
  });
  numbered.set(template, { text, names });
  return { text, names };
}

type ArtifactLocation = ReturnType<typeof artifactLocation>;

function location(item: CiItem, finding: Finding | undefined, artifact: ArtifactLocation | undefined): Location {
  const loc: Location = { logicalLocations: [{ fullyQualifiedName: item.name, kind: item.positions === 'html' ? 'message' : 'file' }] };
  if (artifact !== undefined) {
    // A scan position counts lines of the message's decoded HTML, not of the mail file: giving it
    // as a region of the file would point at the wrong line. It goes in the message and properties.
    const region = finding?.position && item.positions === 'file' ? { region: { startLine: finding.position.line, startColumn: finding.position.column } } : {};
    loc.physicalLocation = { artifactLocation: { ...artifact }, ...region };
  }
  return loc;
}

function result(item: CiItem, finding: Finding, ruleIndex: Map<string, number>, artifact: ArtifactLocation | undefined): Result {
  const meta = ruleMeta(finding.ruleId);
  const placeholders = meta?.messages[finding.messageKey] === undefined ? undefined : numberedTemplate(meta.messages[finding.messageKey]).names;
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevel(severityOf(finding)),
    message: {
      text: sarifText(findingLine(item, finding)),
      ...(placeholders ? { id: finding.messageKey, arguments: placeholders.map((name) => visible(String(finding.data[name] ?? ''))) } : {}),
    },
    locations: [location(item, finding, artifact)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(item, finding) },
    properties: {
      messageKey: finding.messageKey,
      url: finding.url,
      kind: finding.kind,
      tracking: finding.tracking,
      confidence: finding.confidence,
      ...(finding.vendor ? { vendor: finding.vendor, vendorName: finding.vendorName } : {}),
      ...(finding.pattern ? { pattern: finding.pattern } : {}),
      ...(finding.party ? { party: finding.party } : {}),
      ...(finding.position && item.positions === 'html' ? { htmlPosition: finding.position } : {}),
      ...(finding.htmlPart ? { htmlPart: finding.htmlPart } : {}),
      data: finding.data,
    },
  };
}

/**
 * A SARIF 2.1.0 log of one run: every rule pixelaudit knows in `tool.driver.rules` (with help
 * URIs to the README's rule reference), one result per finding, and each message or file that
 * could not be read as an error notification of the invocation (for scan the run itself
 * succeeded: a message that fails is reported, not fatal; check gives its exit code, and a file
 * it could not check is an unsuccessful execution, exit 2). Columns are UTF-16 code units,
 * SARIF's default `columnKind`, stated explicitly.
 */
export function sarifLog(items: readonly CiItem[], options: SarifOptions): Log {
  const rules = [...RULES].map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(rules.map((m, i) => [m.id, i]));
  const results: Result[] = [];
  const failures: Notification[] = [];
  for (const item of items) {
    // Once per item: resolving and encoding the path took a third of the time per finding.
    const artifact = item.artifact === undefined ? undefined : artifactLocation(item.artifact, options.baseDir);
    for (const finding of item.findings) results.push(result(item, finding, ruleIndex, artifact));
    if (item.error !== null) failures.push({ level: 'error', message: { text: sarifText(`${item.name}: ${item.error}`) }, locations: [location(item, undefined, artifact)] });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pixelaudit', semanticVersion: VERSION, version: VERSION, informationUri: README_URL, rules: rules.map(descriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: baseUri(options.baseDir) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: options.exitCode === undefined || options.exitCode !== EXIT_ERROR,
            ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
            ...(failures.length ? { toolExecutionNotifications: failures } : {}),
          },
        ],
        results,
        ...(options.unredacted ? { properties: { redacted: false, note: UNREDACTED_NOTE } } : {}),
      },
    ],
  };
}

/**
 * The log as a file: JSON with the characters a terminal or a JavaScript reader trips on written
 * as `\uXXXX`, on one line: SARIF is read by tools, and indenting made the sample mailbox's log
 * 59% larger (72,907 characters against 45,911) and, on 11,000 messages, the formatter 3.3 times
 * as slow as `json` against 2.5 to 3.0 on one line (same run, medians of 3, a loaded machine).
 */
export function renderSarif(items: readonly CiItem[], options: SarifOptions): string {
  return `${safeJson(sarifLog(items, options))}\n`;
}
