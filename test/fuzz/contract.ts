import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run, type RunResult } from '../../src/cli/run.js';
import { analyseMessage } from '../../src/engine/analyse-message.js';
import type { Detector } from '../../src/engine/detector.js';
import type { MessageResult } from '../../src/types.js';
import { recipientForms } from './recipients.js';
import { BUDGET_MS, scratchDir } from './harness.js';

/**
 * The promises, as checks that throw a one-line reason. Each reason starts with the promise it
 * breaks ("no throw", "totals", "bucket", "time", "exit code", "redaction", "terminal",
 * "unchanged"), so failures can be told apart and FUZZ_IGNORE can set one kind aside.
 */

export function fail(promise: string, detail: string): never {
  throw new Error(`${promise}: ${detail}`);
}

/** A scratch folder per case; the file names hold nothing a check looks for. */
export function scratchFile(name: string, bytes: Buffer): string {
  const file = path.join(scratchDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** One bucket: scanned (error null) or failed with a reason, never both, never neither. */
export function checkBucket(r: MessageResult): void {
  if (r.error === null) return;
  if (typeof r.error !== 'string' || r.error.trim() === '') fail('bucket', `${r.source} failed without a reason (${JSON.stringify(r.error)})`);
  if (r.findings.length > 0 || r.tracked) fail('bucket', `${r.source} is failed ("${r.error}") but also has findings`);
}

/** analyseMessage resolves to one bucket within the time budget, whatever the bytes. */
export async function checkAnalyse(bytes: Buffer, detector: Detector): Promise<MessageResult> {
  const started = performance.now();
  let result: MessageResult;
  try {
    result = await analyseMessage('fuzz.eml', bytes, detector);
  } catch (error) {
    fail('no throw', `analyseMessage threw ${(error as Error)?.name}: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`);
  }
  const ms = performance.now() - started;
  if (ms > BUDGET_MS) fail('time', `analyseMessage took ${Math.round(ms)} ms on ${bytes.length} bytes (budget ${BUDGET_MS} ms)`);
  checkBucket(result);
  return result;
}

/** A message a client displays is read, and its pixel seen, or a warning says why not. */
export async function checkReadable(bytes: Buffer, detector: Detector): Promise<void> {
  const r = await checkAnalyse(bytes, detector);
  if (r.error !== null) fail('sees what a client loads', `a message clients display failed: ${r.error}`);
  if (r.resources === 0 && r.warnings.length === 0) fail('sees what a client loads', 'the pixel a client would load was not seen, and no warning says why');
}

const ALLOWED_EXIT = new Set([0, 1, 2]);

function checkRun(what: string, r: RunResult): void {
  if (!ALLOWED_EXIT.has(r.exitCode)) fail('exit code', `${what} exited ${r.exitCode}`);
  const bug = /internal error: this is a bug[^\n]*\n[^\n]*\n([^\n]*)/.exec(r.stderr);
  if (bug) fail('no throw', `${what} printed an internal error: ${bug[1]}`);
}

async function runChecked(argv: string[]): Promise<RunResult> {
  let r: RunResult;
  try {
    r = await run(argv);
  } catch (error) {
    fail('no throw', `run(${argv[0]}) threw ${(error as Error)?.name}: ${((error as Error)?.message ?? String(error)).split('\n')[0]}`);
  }
  checkRun(`pixelaudit ${argv[0]}`, r);
  return r;
}

export interface JsonReport {
  summary: { found: number; scanned: number; failed: number };
  messages: MessageResult[];
}

/** A file's bytes, or a folder's names and bytes all the way down: what "unchanged" compares. */
function digest(p: string): string {
  const hash = createHash('sha256');
  const add = (at: string, rel: string): void => {
    const info = statSync(at, { throwIfNoEntry: false });
    if (!info) return void hash.update(`${rel}:missing\n`);
    if (info.isDirectory()) for (const name of readdirSync(at).sort()) add(path.join(at, name), `${rel}/${name}`);
    else hash.update(`${rel}:`).update(readFileSync(at)).update('\n');
  };
  add(p, '');
  return hash.digest('hex');
}

/**
 * A scan of these paths: exit 0, 1 or 2; the JSON summary adds up and lists every message once,
 * each in one bucket; the JSONL output has one line per message found; no input changed.
 */
export async function checkScan(paths: string[], extra: string[] = []): Promise<{ json: RunResult; report: JsonReport }> {
  const before = paths.map(digest);
  const started = performance.now();
  const json = await runChecked(['scan', ...paths, '-f', 'json', ...extra]);
  const ms = performance.now() - started;
  let report: JsonReport;
  try {
    report = JSON.parse(json.stdout) as JsonReport;
  } catch {
    fail('totals', `scan -f json wrote no JSON report (exit ${json.exitCode}, stderr ${JSON.stringify(json.stderr.slice(0, 200))})`);
  }
  const { found, scanned, failed } = report.summary;
  if (scanned + failed !== found) fail('totals', `found ${found} != scanned ${scanned} + failed ${failed}`);
  if (report.messages.length !== found) fail('totals', `found ${found} but ${report.messages.length} results listed`);
  const ok = report.messages.filter((m) => m.error === null).length;
  if (ok !== scanned) fail('totals', `scanned ${scanned} but ${ok} results without an error`);
  const sources = new Set(report.messages.map((m) => m.source));
  if (sources.size !== found) fail('bucket', `${found - sources.size} messages listed twice`);
  report.messages.forEach(checkBucket);
  const perMessage = ms / Math.max(1, found);
  if (perMessage > BUDGET_MS) fail('time', `scan took ${Math.round(ms)} ms for ${found} messages (budget ${BUDGET_MS} ms a message)`);

  const jsonl = await runChecked(['scan', ...paths, '-f', 'jsonl', ...extra]);
  const lines = jsonl.stdout.split('\n').filter((l) => l.length > 0);
  // The closing line lists the files passed over, when there are any; every other line is a message.
  const closing = lines.length && lines[lines.length - 1].startsWith('{"pixelaudit":"skipped-files"') ? lines.pop() : undefined;
  if (lines.length !== found) fail('totals', `JSONL has ${lines.length} message lines, the JSON summary found ${found}`);
  const skippedFiles = (report.summary as { skippedFiles?: number }).skippedFiles ?? 0;
  if ((closing === undefined) !== (skippedFiles === 0)) fail('totals', `JSONL ${closing ? 'has' : 'lacks'} a skipped-files line, the JSON summary skipped ${skippedFiles}`);
  if (closing && JSON.parse(closing).skippedFiles !== skippedFiles) fail('totals', `JSONL skipped ${JSON.parse(closing).skippedFiles} files, the JSON summary ${skippedFiles}`);
  for (const line of lines) {
    try {
      JSON.parse(line);
    } catch {
      fail('totals', `a JSONL line is not JSON: ${line.slice(0, 120)}`);
    }
  }
  if (jsonl.exitCode !== json.exitCode) fail('exit code', `json exit ${json.exitCode}, jsonl exit ${jsonl.exitCode} for the same input`);
  paths.forEach((p, i) => {
    if (digest(p) !== before[i]) fail('unchanged', `${p} changed during the scan`);
  });
  return { json, report };
}

/**
 * An mbox written by the builder with `expected` messages, `bad` the hostile one (or a test for
 * which ones are; undefined: any may fail): every
 * message is found, the good ones are scanned, and the bad one alone does not make exit 2.
 */
export async function checkMbox(file: string, expected: number, bad: number | ((index: number) => boolean) | undefined, extra: string[] = []): Promise<void> {
  const isBad = typeof bad === 'function' ? bad : (i: number) => bad === undefined || i === bad;
  const { json, report } = await checkScan([file], extra);
  if (report.summary.found !== expected) {
    fail('totals', `the mbox holds ${expected} messages, the scan found ${report.summary.found} (${report.summary.found > expected ? 'more: a body line taken for a separator?' : 'fewer'})`);
  }
  report.messages.forEach((m, i) => {
    if (m.source !== `${file}#${i + 1}`) fail('totals', `result ${i + 1} is ${m.source}, expected ${file}#${i + 1}`);
    if (!isBad(i) && m.error !== null) fail('bucket', `good message #${i + 1} failed: ${m.error}`);
  });
  if (json.exitCode === 2) fail('exit code', `one bad message in a good mbox made exit 2 (${json.stderr.split('\n')[0]})`);
}

// ---------------------------------------------------------------- redaction and terminals

interface Hit {
  form: string;
  at: string;
}

/** Looks for every known form of the address in a text and in its percent-decoded copy. */
export function findForms(text: string, address: string): Hit | undefined {
  const decoded = lenientPercentDecode(text);
  for (const f of recipientForms(address)) {
    for (const hay of decoded === text ? [text] : [text, decoded]) {
      const h = f.caseless ? hay.toLowerCase() : hay;
      const i = h.indexOf(f.caseless ? f.text.toLowerCase() : f.text);
      if (i !== -1) return { form: f.form, at: JSON.stringify(hay.slice(Math.max(0, i - 60), i + f.text.length + 20)) };
    }
  }
  return undefined;
}

/** Every valid %XX escape decoded as UTF-8 where it can be, the rest left as written. */
function lenientPercentDecode(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return Buffer.from(run.replace(/%/g, ''), 'hex').toString('latin1');
    }
  });
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/;

/** Text meant for a terminal holds no control character from a message (colour is off here). */
export function checkTerminal(what: string, text: string): void {
  const m = CONTROL.exec(text);
  if (m) fail('terminal', `${what} output holds control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 10))}`);
}

/**
 * With redaction on (the default), no output of scan (json, jsonl, csv, table) or explain (text,
 * json) holds the recipient's address in any form the leak rule knows. With --no-redact the
 * address is shown, so the check is known to look in the right place.
 */
export async function checkRedaction(file: string, address: string): Promise<void> {
  const outputs: Array<[string, string[]]> = [
    ['scan json', ['scan', file, '-f', 'json']],
    ['scan jsonl', ['scan', file, '-f', 'jsonl']],
    ['scan csv', ['scan', file, '-f', 'csv']],
    ['scan table', ['scan', file]],
    ['explain text', ['explain', file]],
    ['explain json', ['explain', file, '-f', 'json']],
  ];
  for (const [what, argv] of outputs) {
    const r = await runChecked(argv);
    if (what.endsWith('text') || what.endsWith('table')) checkTerminal(what, r.stdout + r.stderr);
    const hit = findForms(r.stdout + r.stderr, address);
    if (hit) fail('redaction', `${hit.form} form of the recipient in ${what} output${where(r.stdout, what, address)}: ${hit.at}`);
  }
}

/** For JSON output, the field that holds the address (`messages[].subject`), so failures sort by field. */
function where(stdout: string, what: string, address: string): string {
  if (!what.endsWith('json') && !what.endsWith('jsonl')) return '';
  const paths: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      if (findForms(v, address)) paths.push(at);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, `${at}[]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  for (const line of what.endsWith('jsonl') ? stdout.split('\n').filter(Boolean) : [stdout]) {
    try {
      walk(JSON.parse(line), '');
    } catch {
      // not JSON: the raw text was searched already
    }
  }
  return paths.length ? ` at ${[...new Set(paths)].join(', ')}` : '';
}

/** The control for checkRedaction: without redaction, a subject that names the reader shows it. */
export async function checkUnredactedShows(file: string, address: string): Promise<void> {
  const r = await runChecked(['scan', file, '-f', 'json', '--no-redact']);
  if (!findForms(r.stdout, address)) fail('redaction', `--no-redact output does not show ${address}, so the redaction check would prove nothing`);
}
