import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from './helpers.js';

// Checkers for the CI formats, each from an outside definition rather than our own code: the
// official SARIF 2.1.0 schema, GitHub's workflow-command syntax as the runner parses it, and a
// real XML parser plus Jenkins's JUnit schema.

const SARIF_SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'test/data/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp off: the schema's `language` pattern (`...-[a-zA-Z]{2}]?$`) has a lone `]`, an
// error under the `u` flag but a literal character for the engines the schema was written for.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const sarifValidator = ajv.compile(SARIF_SCHEMA);

/** Every schema error of a SARIF log, as `path message` lines; empty when valid. */
export function sarifErrors(text: string): string[] {
  const log = JSON.parse(text);
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

// The runner's unescaping, in its order (actions/runner src/Runner.Common/ActionCommand.cs:
// _escapePropertyMappings and _escapeDataMappings, `%25` last).
const unescape = (text: string, pairs: Array<[string, string]>): string => pairs.reduce((s, [from, to]) => s.split(from).join(to), text);
const unescapeProperty = (s: string): string =>
  unescape(s, [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%3A', ':'],
    ['%2C', ','],
    ['%25', '%'],
  ]);
const unescapeData = (s: string): string =>
  unescape(s, [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%25', '%'],
  ]);

/**
 * A line as GitHub's runner reads it (ActionCommand.TryParseV2, the documented
 * `::command prop=value,prop=value::message`): leading space trimmed, `::` first, the command
 * info up to the next `::`, the name up to the first space, properties split at `,` and each at
 * its first `=`, then the rest as data. Undefined when the line is not a command.
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq).toLowerCase()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)) };
}

/** Every line of a github-format output, parsed; throws on a line that is not a workflow command (the runner would print it, and its legacy `##[` parser could still read one in it). */
export function parseAnnotations(text: string): WorkflowCommand[] {
  expectNoRawBreaks(text);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const parsed = parseWorkflowCommand(line);
      if (!parsed || !['error', 'warning', 'notice'].includes(parsed.command)) throw new Error(`not an annotation command: ${JSON.stringify(line)}`);
      return parsed;
    });
}

function expectNoRawBreaks(text: string): void {
  if (text.includes('\r')) throw new Error('a raw CR in workflow commands');
}

/** A JUnit document parsed by a real XML parser (entities and character references decoded); throws when it is not well-formed XML. */
export function parseJunit(text: string): { testsuites: { testsuite: Array<Record<string, unknown>> | Record<string, unknown> } & Record<string, string> } {
  // Deprecated in fast-xml-parser 5.12 for a separate package; it still checks well-formedness, which is all this needs.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  // htmlEntities is deprecated for entityDecoder; it decodes the same references here.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false, htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(text);
}

export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint's verdict against Jenkins's junit-10.xsd: empty when valid, its complaint otherwise. */
export function junitSchemaErrors(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-junit-'));
  try {
    const file = path.join(dir, 'report.xml');
    writeFileSync(file, text);
    execFileSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/data/junit/junit-10.xsd'), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
