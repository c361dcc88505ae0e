import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Detector } from '../engine/detector.js';
import { reasonOf } from '../errors.js';
import type { RuleMeta } from '../rules/rule.js';
import { type CheckedFile, type CheckFinding, type RawFinding } from './check-finding.js';
import { checkTemplate } from './check-template.js';
import type { CheckConfig } from './config.js';
import { fingerprintOf, fingerprintPath, urlShape } from './fingerprint.js';
import { allowedDomains, onAllowedHost, severityOf } from './policy.js';
import { applySuppressions, SUPPRESSION_DIRECTIVE } from './suppressions.js';
import { ElementPaths } from './element-paths.js';
import { DETECT_BYTES, detectFormat } from '../input/detect-format.js';
import { messageFromEmlx } from '../input/emlx.js';
import { htmlPartLabel } from './html-part-label.js';
import { MAIL_EXTENSIONS, syntaxForFile, TEMPLATE_EXTENSIONS, type SyntaxName } from './template-syntax.js';
import type { CompiledTag } from './template-tags.js';

export interface CheckOptions {
  detector: Detector;
  tags: CompiledTag[];
  rules: RuleMeta[];
  config: CheckConfig;
  /** --syntax, else the config's. */
  syntax?: SyntaxName;
  /** Fingerprints the baseline accepts. */
  baseline?: ReadonlySet<string>;
  cwd: string;
  /** The baseline's folder (else the config's): fingerprints name files relative to it (fingerprintPath). */
  fingerprintBase?: string;
}

const MAX_TEMPLATE_BYTES = 32 * 1024 * 1024;

/**
 * Checks one file, read-only. Never throws for the file's content: a file that cannot be read
 * or decoded, or whose analysis throws, is a CheckedFile with its error, and the run goes on.
 */
export async function checkFile(file: string, o: CheckOptions): Promise<CheckedFile> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(o.cwd, file));
  } catch (error) {
    return { file, syntax: 'unknown', findings: [], suppressed: 0, baselined: 0, error: (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : reasonOf(error) };
  }
  // A file named without a template extension is judged by its content, as scan judges it:
  // scan's inputs work here too (`check sent-campaign` with no extension, an Apple Mail .emlx).
  const format = TEMPLATE_EXTENSIONS.includes(ext) ? 'template' : MAIL_EXTENSIONS.includes(ext) ? 'eml' : detectFormat(bytes.subarray(0, DETECT_BYTES));
  if (format === 'emlx') bytes = messageFromEmlx(bytes);
  const isMail = format === 'eml' || format === 'emlx';
  const syntax = isMail ? 'eml' : format === 'mbox' ? 'mbox' : syntaxForFile(file, o.syntax ?? o.config.syntax);
  const empty = { file, syntax, findings: [], suppressed: 0, baselined: 0 };
  if (format === 'mbox') return { ...empty, error: 'an mbox: check reads one message per file; use pixelaudit scan for a mailbox' };
  if (bytes.length > MAX_TEMPLATE_BYTES) return { ...empty, error: `larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB` };
  try {
    let raw: RawFinding[];
    let suppressed = 0;
    if (isMail) {
      raw = await mailFindings(file, bytes, o.detector);
    } else {
      if (bytes.includes(0)) return { ...empty, error: 'binary file, not a template' };
      const source = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const checked = checkTemplate(source, syntax as SyntaxName, o.detector, o.tags);
      const paths = checked.findings.length || checked.masked.includes(SUPPRESSION_DIRECTIVE) ? new ElementPaths(checked.masked) : undefined;
      ({ kept: raw, suppressed } = applySuppressions(checked.expressions, checked.findings, o.rules, checked.at, paths));
      if (paths && raw.length) raw = raw.map((r) => ({ ...r, path: paths.at(r.offset) }));
    }
    return { ...judge(file, raw, o), syntax, suppressed, error: null };
  } catch (error) {
    return { ...empty, error: reasonOf(error) };
  }
}

/** An .eml goes the scan's own way (MIME, redaction, time budget); positions are in its decoded HTML. */
async function mailFindings(file: string, bytes: Buffer, detector: Detector): Promise<RawFinding[]> {
  // Loaded on the first .eml only: mailparser costs about 0.9 s to import here, a template check needs none of it.
  const { analyseMessage } = await import('../engine/analyse-message.js');
  const result = await analyseMessage(file, bytes, detector);
  if (result.error) throw new Error(result.error);
  const part = htmlPartLabel(bytes);
  return result.findings.map((finding) => ({
    finding: { ...finding, position: finding.position ?? { line: 1, column: 1 }, htmlPart: finding.kind === 'header' ? 'headers' : part },
    offset: -1,
    element: finding.kind,
    shape: finding.kind === 'header' ? `header:${finding.ruleId}` : urlShape(finding.url, []),
  }));
}

const RANK = { info: 1, warning: 2, error: 3 } as const;

/**
 * Whether the scan's finding that a template finding repeats is reported at least as severely
 * (suppressed or baselined counts as reported): then the repeat is not, and one pixel is one
 * finding. Configured off, or below the repeat's severity, it leaves the repeat to report it.
 */
function repeatedCovers(repeated: RawFinding, severity: 'info' | 'warning' | 'error', config: CheckConfig): boolean {
  const theirs = severityOf(repeated.finding, config);
  return theirs !== 'off' && RANK[theirs] >= RANK[severity];
}

/** Severity, allowed hosts, fingerprints and the baseline, in that order. */
function judge(file: string, raw: RawFinding[], o: CheckOptions): { file: string; findings: CheckFinding[]; baselined: number } {
  const allowed = allowedDomains(o.config);
  const ordinals = new Map<string, number>();
  const findings: CheckFinding[] = [];
  let baselined = 0;
  const named = fingerprintPath(file, o.cwd, o.fingerprintBase ?? o.cwd);
  for (const r of raw) {
    const severity = severityOf(r.finding, o.config, r.literal);
    if (severity === 'off' || onAllowedHost(r.finding, allowed)) continue;
    if (r.repeats && repeatedCovers(r.repeats, severity, o.config)) continue;
    const where = r.path || r.element;
    const kind = `${severity}:${r.finding.messageKey}`;
    const key = `${r.finding.ruleId}\n${kind}\n${where}\n${r.shape}`;
    const ordinal = ordinals.get(key) ?? 0;
    ordinals.set(key, ordinal + 1);
    const fingerprint = fingerprintOf(named, r.finding.ruleId, where, r.shape, ordinal, kind);
    if (o.baseline?.has(fingerprint)) {
      baselined++;
      continue;
    }
    findings.push({ ...r.finding, file, position: r.finding.position ?? { line: 1, column: 1 }, severity, fingerprint, element: r.element });
  }
  return { file, findings, baselined };
}
