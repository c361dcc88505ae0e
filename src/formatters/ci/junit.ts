import { findingMessage } from '../../rules/finding-message.js';
import type { Finding } from '../../types.js';
import { findingLine, type CiItem } from './ci-item.js';
import { UNREDACTED_NOTE } from './unredacted-note.js';
import { severityOf } from './severity.js';
import { xmlAttribute, xmlText } from './xml-text.js';

/**
 * The name a CI viewer lists: the rule and, where the item has positions in it (check), the line
 * and column, so that GitLab's and Jenkins's test tables point at the place; a scan finding says
 * where in the message's HTML in its body instead.
 */
function caseName(item: CiItem, finding: Finding): string {
  const at = item.positions === 'file' && finding.position ? ` at ${finding.position.line}:${finding.position.column}` : '';
  return `${finding.ruleId} ${finding.rule}${at}`;
}

function testcase(item: CiItem, finding: Finding): string {
  const severity = severityOf(finding);
  const name = xmlAttribute(caseName(item, finding));
  // Escaped line by line: a line break inside the data is shown as an escape, ours stay breaks.
  const body = [findingLine(item, finding), `rule: ${finding.ruleId} ${finding.rule} (${finding.messageKey})`, ...(finding.vendorName ? [`vendor: ${finding.vendorName}`] : [])].map(xmlText).join('\n');
  // An info finding (a possible spacer, a campaign tag) is shown, not failed: it never makes a message tracked.
  if (severity === 'info') return `    <testcase name="${name}" classname="${xmlAttribute(item.name)}"><system-out>${body}</system-out></testcase>\n`;
  return `    <testcase name="${name}" classname="${xmlAttribute(item.name)}"><failure type="${severity}" message="${xmlAttribute(findingMessage(finding))}">${body}</failure></testcase>\n`;
}

function testsuite(item: CiItem, unredacted: boolean): string {
  const cases = item.findings.map((f) => testcase(item, f));
  const failures = item.findings.filter((f) => severityOf(f) !== 'info').length;
  let errors = 0;
  if (item.error !== null) {
    errors = 1;
    cases.push(`    <testcase name="read" classname="${xmlAttribute(item.name)}"><error type="unreadable" message="${xmlAttribute(item.error)}">${xmlText(item.error)}</error></testcase>\n`);
  } else if (item.findings.length === 0) {
    // A clean file is a passed test, so the viewer counts it.
    cases.push(`    <testcase name="no findings" classname="${xmlAttribute(item.name)}"/>\n`);
  }
  // junit-10.xsd allows properties in a testsuite, not in testsuites: each suite says it.
  const properties = unredacted ? `    <properties><property name="pixelaudit.redacted" value="false"/><property name="pixelaudit.note" value="${xmlAttribute(UNREDACTED_NOTE)}"/></properties>\n` : '';
  return `  <testsuite name="${xmlAttribute(item.name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0">\n${properties}${cases.join('')}  </testsuite>\n`;
}

/**
 * JUnit XML as GitLab and Jenkins read it: one `<testsuite>` per message (scan) or file (check),
 * one `<testcase>` per finding, so each finding has its own row with its rule, place and words;
 * errors and warnings are `<failure type="...">`, notes a passing case with the words in
 * `<system-out>`, a message or file that could not be read an `<error>`, and an item with
 * nothing found one passing case. Valid against Jenkins's junit-10.xsd (the tests check it).
 */
export function renderJunit(items: readonly CiItem[], options: { unredacted?: boolean } = {}): string {
  const suites = items.map((i) => testsuite(i, options.unredacted === true));
  const tests = items.reduce((n, i) => n + Math.max(i.findings.length + (i.error === null ? 0 : 1), 1), 0);
  const failures = items.reduce((n, i) => n + i.findings.filter((f) => severityOf(f) !== 'info').length, 0);
  const errors = items.filter((i) => i.error !== null).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pixelaudit" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('')}</testsuites>\n`;
}
